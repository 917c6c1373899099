import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type Contact, type ContactBody, useAddContact, useUpdateContact } from "../api/customers";

const trimToNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** Adds (contact = null) or edits a contact; both send the customer's current ETag. */
export function ContactModal({
  opened,
  customerId,
  contact,
  etag,
  onClose,
  onReload,
}: {
  opened: boolean;
  customerId: string;
  contact: Contact | null;
  etag: string | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={contact ? t("contacts.edit") : t("contacts.add")} size="lg">
      {opened && <ContactForm key={contact?.id ?? "new"} customerId={customerId} contact={contact} etag={etag} onClose={onClose} onReload={onReload} />}
    </Modal>
  );
}

function ContactForm({
  customerId,
  contact,
  etag,
  onClose,
  onReload,
}: {
  customerId: string;
  contact: Contact | null;
  etag: string | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddContact();
  const update = useUpdateContact();
  const { form, submitWith, failure } = useApiForm({
    initialValues: {
      firstName: contact?.firstName ?? "",
      lastName: contact?.lastName ?? "",
      email: contact?.email ?? "",
      phone: contact?.phone ?? "",
      jobTitle: contact?.jobTitle ?? "",
      isBilling: contact?.isBilling ?? false,
    },
    validate: {
      lastName: (v, values) => (v.trim() || values.firstName.trim() ? null : t("contacts.nameRequired")),
      email: (v) => (v.trim() === "" || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("auth.emailInvalid")),
    },
  });

  const toBody = (v: typeof form.values): ContactBody => ({
    firstName: trimToNull(v.firstName),
    lastName: trimToNull(v.lastName),
    email: trimToNull(v.email),
    phone: trimToNull(v.phone),
    jobTitle: trimToNull(v.jobTitle),
    isBilling: v.isBilling,
  });
  const saved = () => {
    notifications.show({ color: "green", message: t("contacts.saved") });
    onClose();
  };
  const submit = contact
    ? submitWith(update, (v) => ({ customerId, contactId: contact.id, etag, body: toBody(v) }), saved)
    : submitWith(add, (v) => ({ customerId, etag, body: toBody(v) }), saved);

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("contacts.firstName")} {...form.getInputProps("firstName")} />
          <TextInput label={t("contacts.lastName")} {...form.getInputProps("lastName")} />
          <TextInput label={t("contacts.email")} type="email" {...form.getInputProps("email")} />
          <TextInput label={t("contacts.phone")} type="tel" {...form.getInputProps("phone")} />
          <TextInput label={t("contacts.jobTitle")} {...form.getInputProps("jobTitle")} />
        </SimpleGrid>
        <Checkbox
          label={t("contacts.isBilling")}
          description={contact?.isBilling ? t("contacts.isBillingLocked") : t("contacts.isBillingHelp")}
          disabled={contact?.isBilling}
          {...form.getInputProps("isBilling", { type: "checkbox" })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {contact ? t("common.save") : t("contacts.addSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
