import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconArchiveOff, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import type { components } from "@/api/schema";
import { ProblemAlert } from "@/components/ui/problem-alert";
import {
  type Contact,
  type VersionedCustomer,
  useDeleteCustomer,
  useRemoveContact,
  useArchiveCustomer,
  useUnarchiveCustomer,
} from "../api/customers";
import { ContactModal } from "./contact-modal";

type Address = components["schemas"]["PostalAddressDto"];

function AddressBlock({ address }: { address: Address }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ whiteSpace: "pre-line" }}>
      {[address.line1, address.line2, `${address.postalCode} ${address.city}`, t(`countries.${address.countryCode}`, { defaultValue: address.countryCode })]
        .filter(Boolean)
        .join("\n")}
    </Text>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || "—"}</Text>
    </div>
  );
}

const contactName = (c: Contact) => [c.firstName, c.lastName].filter(Boolean).join(" ");

export function CustomerDetail({
  data,
  canWrite,
  onEdit,
  onDeleted,
  onReload,
}: {
  data: VersionedCustomer;
  canWrite: boolean;
  onEdit: () => void;
  onDeleted: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { value: customer, etag } = data;
  const archiveCustomer = useArchiveCustomer();
  const unarchiveCustomer = useUnarchiveCustomer();
  const archive = customer.isArchived ? unarchiveCustomer : archiveCustomer;
  const [deleting, setDeleting] = useState(false);
  const [contactModal, setContactModal] = useState<{ contact: Contact | null } | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);

  function setArchived(value: boolean, after?: () => void) {
    (value ? archiveCustomer : unarchiveCustomer).mutate(
      customer.id,
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: value ? t("customers.archivedDone") : t("customers.unarchivedDone") });
          after?.();
        },
      },
    );
  }

  const terms = customer.paymentTerms;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{customer.name}</Title>
            <Badge variant="light">{t(`customerKinds.${customer.kind}`)}</Badge>
            {customer.isArchived && (
              <Badge color="gray" variant="filled">
                {t("customers.archived")}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm" mt={4} ff="monospace">
            {customer.accountingCode}
          </Text>
        </div>
        {canWrite && (
          <Group gap="sm">
            <Button leftSection={<IconPencil size={16} />} onClick={onEdit}>
              {t("common.edit")}
            </Button>
            <Button
              variant="default"
              leftSection={customer.isArchived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              loading={archive.isPending}
              onClick={() => setArchived(!customer.isArchived)}
            >
              {customer.isArchived ? t("customers.unarchive") : t("customers.archive")}
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
              {t("common.delete")}
            </Button>
          </Group>
        )}
      </Group>
      {archive.error && !deleting && <ProblemAlert error={archive.error} />}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="lg">
          <Title order={4} mb="sm">
            {t("customers.identity")}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            <Field label={t("customers.country")} value={`${t(`countries.${customer.countryCode}`, { defaultValue: customer.countryCode })} (${customer.countryCode})`} />
            <Field label={t("customers.vatRegime")} value={customer.vatRegime ? t(`vatRegimes.${customer.vatRegime}`) : null} />
            {customer.kind === "Business" && <Field label={t("customers.siren")} value={customer.siren} />}
            {customer.kind === "Business" && <Field label={t("customers.siret")} value={customer.siret} />}
            <Field label={t("customers.vatNumber")} value={customer.vatNumber} />
            <Field
              label={t("customers.paymentTerms")}
              value={terms ? t(`customers.terms.${terms.kind}`, { days: terms.days }) : t("customers.companyDefault")}
            />
          </SimpleGrid>
          {customer.notes && (
            <>
              <Text size="xs" c="dimmed" mt="sm">
                {t("customers.notes")}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                {customer.notes}
              </Text>
            </>
          )}
        </Paper>
        <Paper withBorder p="lg">
          <Title order={4} mb="sm">
            {t("customers.addresses")}
          </Title>
          <Stack gap="sm">
            <div>
              <Text size="xs" c="dimmed">
                {t("customers.billingAddress")}
              </Text>
              {customer.billingAddress ? <AddressBlock address={customer.billingAddress} /> : <Text size="sm">—</Text>}
            </div>
            {customer.deliveryAddresses.map((d) => (
              <div key={d.id ?? d.label}>
                <Text size="xs" c="dimmed">
                  {t("customers.deliveryAddressNamed", { label: d.label })}
                </Text>
                <AddressBlock address={d.address} />
              </div>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t("contacts.title")}</Title>
          {canWrite && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setContactModal({ contact: null })}>
              {t("contacts.add")}
            </Button>
          )}
        </Group>
        {customer.contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("contacts.empty")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t("contacts.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("contacts.name")}</Table.Th>
                  <Table.Th>{t("contacts.jobTitle")}</Table.Th>
                  <Table.Th>{t("contacts.email")}</Table.Th>
                  <Table.Th>{t("contacts.phone")}</Table.Th>
                  {canWrite && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customer.contacts.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Group gap="xs">
                        {contactName(c)}
                        {c.isBilling && (
                          <Badge size="sm" variant="light" color="teal">
                            {t("contacts.billingBadge")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{c.jobTitle}</Table.Td>
                    <Table.Td>{c.email}</Table.Td>
                    <Table.Td>{c.phone}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <ActionIcon variant="subtle" aria-label={t("contacts.editNamed", { name: contactName(c) })} onClick={() => setContactModal({ contact: c })}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={t("contacts.removeNamed", { name: contactName(c) })} onClick={() => setRemoving(c)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <ContactModal
        opened={contactModal !== null}
        customerId={customer.id}
        contact={contactModal?.contact ?? null}
        etag={etag}
        onClose={() => setContactModal(null)}
        onReload={onReload}
      />
      <RemoveContactModal customerId={customer.id} contact={removing} etag={etag} onClose={() => setRemoving(null)} onReload={onReload} />
      <DeleteCustomerModal
        opened={deleting}
        customerId={customer.id}
        name={customer.name}
        archived={customer.isArchived}
        archiving={archive.isPending}
        onArchive={() => setArchived(true, () => setDeleting(false))}
        onClose={() => setDeleting(false)}
        onDeleted={onDeleted}
      />
    </Stack>
  );
}

function RemoveContactModal({
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
  const remove = useRemoveContact();
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <Modal opened={contact !== null} onClose={close} title={t("contacts.removeTitle")}>
      <Stack>
        <Text size="sm">{t("contacts.removeConfirm", { name: contact ? contactName(contact) : "" })}</Text>
        {contact?.isBilling && (
          <Text size="sm" c="dimmed">
            {t("contacts.removeBillingHint")}
          </Text>
        )}
        {remove.error && <ProblemAlert error={remove.error} onReload={() => (close(), onReload())} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              contact &&
              remove.mutate(
                { customerId, contactId: contact.id, etag },
                {
                  onSuccess: () => {
                    notifications.show({ color: "green", message: t("contacts.removed") });
                    close();
                  },
                },
              )
            }
          >
            {t("contacts.remove")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeleteCustomerModal({
  opened,
  customerId,
  name,
  archived,
  archiving,
  onArchive,
  onClose,
  onDeleted,
}: {
  opened: boolean;
  customerId: string;
  name: string;
  archived: boolean;
  archiving: boolean;
  onArchive: () => void;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteCustomer();
  const referenced = asApiError(remove.error)?.code === "customer_referenced";
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <Modal opened={opened} onClose={close} title={t("customers.deleteTitle")}>
      <Stack>
        {referenced ? (
          <Alert color="orange" title={t("customers.referencedTitle")} role="alert">
            {t("customers.referenced", { name })}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t("customers.deleteConfirm", { name })}</Text>
            {remove.error && <ProblemAlert error={remove.error} />}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          {referenced ? (
            !archived && (
              <Button leftSection={<IconArchive size={16} />} loading={archiving} onClick={onArchive}>
                {t("customers.archive")}
              </Button>
            )
          ) : (
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(customerId, {
                  onSuccess: () => {
                    notifications.show({ color: "green", message: t("customers.deleted", { name }) });
                    onDeleted();
                  },
                })
              }
            >
              {t("common.delete")}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
