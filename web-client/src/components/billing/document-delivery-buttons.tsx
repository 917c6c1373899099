import { Button, Group, Modal, Stack, TagsInput, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconEye, IconFileTypePdf, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type DeliverableDocumentType, fetchDocumentPdfFile, useCustomerContacts, useSendDocument } from "./document-delivery";

/**
 * Shows a PDF: "view" opens it in a new tab (opened before the request so the browser does not block it as a
 * pop-up), "download" saves it under the server's file name.
 */
async function openPdf(type: DeliverableDocumentType, id: string, mode: "view" | "download", fallbackName: string, before?: () => Promise<void>) {
  const tab = mode === "view" ? window.open("", "_blank") : null;
  try {
    await before?.();
    const { blob, fileName } = await fetchDocumentPdfFile(type, id);
    const url = URL.createObjectURL(blob);
    if (tab) {
      tab.location.href = url;
    } else {
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName ?? fallbackName;
      a.click();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/** View / download the PDF and send the document by e-mail (numbered documents only). */
export function DocumentDeliveryButtons({
  type,
  id,
  number,
  customerId,
  defaultSubject,
  defaultMessage,
  canSend,
  sendLabel,
  sendTitle,
}: {
  type: DeliverableDocumentType;
  id: string;
  number: string;
  customerId: string;
  defaultSubject: string;
  defaultMessage: string;
  canSend: boolean;
  /** "Envoyer la confirmation de commande" for an order; "Envoyer" otherwise. */
  sendLabel?: string;
  sendTitle?: string;
}) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState<"view" | "download" | null>(null);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  async function show(mode: "view" | "download") {
    setLoading(mode);
    setPdfError(null);
    try {
      await openPdf(type, id, mode, `${number}.pdf`);
    } catch (e) {
      setPdfError(e);
    } finally {
      setLoading(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={loading === "view"} onClick={() => void show("view")}>
          {t("billing.pdf.view")}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={loading === "download"} onClick={() => void show("download")}>
          {t("billing.pdf.download")}
        </Button>
        {canSend && (
          <Button variant="light" leftSection={<IconSend size={16} />} onClick={() => setSending(true)}>
            {sendLabel ?? t("billing.send.action")}
          </Button>
        )}
      </Group>
      {pdfError ? <ProblemAlert error={pdfError} /> : null}
      {sending && (
        <SendDocumentModal
          type={type}
          id={id}
          customerId={customerId}
          defaultSubject={defaultSubject}
          defaultMessage={defaultMessage}
          title={sendTitle}
          onClose={() => setSending(false)}
        />
      )}
    </Stack>
  );
}

/**
 * "Aperçu PDF" of a draft: the server renders it from the saved draft, marked APERÇU on every page and never stored.
 * With unsaved edits the draft is saved first (`saveFirst`), so the preview shows what is on screen.
 */
export function DraftPreviewButton({
  type,
  id,
  dirty = false,
  saveFirst,
}: {
  type: DeliverableDocumentType;
  id: string;
  dirty?: boolean;
  saveFirst?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const willSave = dirty && saveFirst !== undefined;

  async function preview() {
    setLoading(true);
    setError(null);
    try {
      await openPdf(type, id, "view", t("billing.preview.fileName"), willSave ? saveFirst : undefined);
    } catch (e) {
      // A refused save shows its errors on the form itself.
      if (!willSave) setError(e);
    } finally {
      setLoading(false);
    }
  }

  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="default"
        leftSection={<IconEye size={16} />}
        loading={loading}
        onClick={() => void preview()}
        title={willSave ? t("billing.preview.savesFirst") : dirty ? t("billing.preview.savedVersion") : t("billing.preview.hint")}
        data-testid="draft-preview"
      >
        {willSave ? t("billing.preview.saveAndOpen") : t("billing.preview.action")}
      </Button>
      {error ? <ProblemAlert error={error} /> : null}
    </Stack>
  );
}

interface SendValues {
  /** null until the user changes the recipients: the customer's billing contacts are proposed. */
  to: string[] | null;
  cc: string[];
  subject: string;
  body: string;
}

/** The e-mail of a document: recipients picked among the customer's contacts (billing contact proposed) or typed. */
export function SendDocumentModal({
  type,
  id,
  customerId,
  defaultSubject,
  defaultMessage,
  onClose,
  title,
}: {
  type: DeliverableDocumentType;
  id: string;
  customerId: string;
  defaultSubject: string;
  defaultMessage: string;
  onClose: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const customer = useCustomerContacts(customerId, true);
  const send = useSendDocument(type, id);
  const contacts = (customer.data?.contacts ?? []).filter((c) => c.email);
  const options = contacts.map((c) => ({
    value: c.email!,
    label: `${[c.firstName, c.lastName].filter(Boolean).join(" ") || c.email} <${c.email}>${c.isBilling ? ` · ${t("billing.send.billingContact")}` : ""}`,
  }));
  const billing = contacts.filter((c) => c.isBilling).map((c) => c.email!);
  const { form, submitWith, failure } = useApiForm<SendValues>({
    initialValues: { to: null, cc: [], subject: defaultSubject, body: defaultMessage },
    // "to[1]": the second address typed; every message of a list is shown under it.
    mapProblem: (error) => renameProblemFields(error, (path) => path.replace(/\[\d+\]$/, "")),
  });
  const values = form.getValues();
  // Until the user picks, the billing contacts are proposed.
  const recipients = values.to ?? billing;
  const submit = submitWith(
    send,
    (v) => ({ to: v.to ?? billing, cc: v.cc, subject: v.subject, body: v.body }),
    () => {
      notifications.show({ color: "green", message: t("billing.send.done") });
      onClose();
    },
  );

  return (
    <Modal opened onClose={onClose} title={title ?? t("billing.send.title")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TagsInput
            label={t("billing.send.to")}
            description={t("billing.send.typeHint")}
            data={options.map((o) => o.value)}
            renderOption={({ option }) => options.find((o) => o.value === option.value)?.label ?? option.value}
            {...form.getInputProps("to")}
            value={recipients}
            splitChars={[",", ";", " "]}
            data-testid="send-to"
          />
          <TagsInput label={t("billing.send.cc")} data={options.map((o) => o.value)} {...form.getInputProps("cc")} splitChars={[",", ";", " "]} />
          <TextInput label={t("billing.send.subject")} {...form.getInputProps("subject")} />
          <Textarea label={t("billing.send.message")} rows={5} {...form.getInputProps("body")} />
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" leftSection={<IconSend size={16} />} loading={send.isPending} disabled={recipients.length === 0}>
              {t("billing.send.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
