import { Button, Group, Modal, MultiSelect, Stack, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFileTypePdf, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type BillingDocumentType, fetchDocumentPdf, useCustomerContacts, useSendDocument } from "./document-delivery";

/** View / download the archived PDF and send the document by e-mail (validated documents only). */
export function DocumentDeliveryButtons({
  type,
  id,
  number,
  customerId,
  defaultSubject,
  defaultMessage,
  canSend,
}: {
  type: BillingDocumentType;
  id: string;
  number: string;
  customerId: string;
  defaultSubject: string;
  defaultMessage: string;
  canSend: boolean;
}) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState<"view" | "download" | null>(null);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  async function openPdf(mode: "view" | "download") {
    setLoading(mode);
    setPdfError(null);
    // Opened before the request so the browser does not block it as a pop-up.
    const tab = mode === "view" ? window.open("", "_blank") : null;
    try {
      const blob = await fetchDocumentPdf(type, id);
      const url = URL.createObjectURL(blob);
      if (tab) {
        tab.location.href = url;
      } else {
        const a = document.createElement("a");
        a.href = url;
        a.download = `${number}.pdf`;
        a.click();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      setPdfError(e);
    } finally {
      setLoading(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={loading === "view"} onClick={() => void openPdf("view")}>
          {t("billing.pdf.view")}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={loading === "download"} onClick={() => void openPdf("download")}>
          {t("billing.pdf.download")}
        </Button>
        {canSend && (
          <Button variant="light" leftSection={<IconSend size={16} />} onClick={() => setSending(true)}>
            {t("billing.send.action")}
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
          onClose={() => setSending(false)}
        />
      )}
    </Stack>
  );
}

function SendDocumentModal({
  type,
  id,
  customerId,
  defaultSubject,
  defaultMessage,
  onClose,
}: {
  type: BillingDocumentType;
  id: string;
  customerId: string;
  defaultSubject: string;
  defaultMessage: string;
  onClose: () => void;
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
  const [to, setTo] = useState<string[] | null>(null);
  const [cc, setCc] = useState<string[]>([]);
  const [subject, setSubject] = useState(defaultSubject);
  const [message, setMessage] = useState(defaultMessage);
  // Until the user picks, the billing contacts are proposed.
  const recipients = to ?? billing;
  const errors = asApiError(send.error)?.problem.errors ?? {};

  return (
    <Modal opened onClose={onClose} title={t("billing.send.title")} size="lg">
      <Stack>
        <MultiSelect
          label={t("billing.send.to")}
          data={options}
          value={recipients}
          onChange={setTo}
          searchable
          nothingFoundMessage={t("billing.send.noContact")}
          error={errors.to?.join(" ")}
        />
        <MultiSelect label={t("billing.send.cc")} data={options} value={cc} onChange={setCc} searchable error={errors.cc?.join(" ")} />
        <TextInput label={t("billing.send.subject")} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject?.join(" ")} />
        <Textarea label={t("billing.send.message")} rows={5} value={message} onChange={(e) => setMessage(e.currentTarget.value)} error={errors.body?.join(" ")} />
        {send.error ? <ProblemAlert error={send.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            loading={send.isPending}
            disabled={recipients.length === 0}
            onClick={() =>
              send.mutate(
                { to: recipients, cc, subject, body: message },
                {
                  onSuccess: () => {
                    notifications.show({ color: "green", message: t("billing.send.done") });
                    onClose();
                  },
                },
              )
            }
          >
            {t("billing.send.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
