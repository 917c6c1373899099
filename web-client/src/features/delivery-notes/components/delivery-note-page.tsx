import { Alert, Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconEdit, IconTrash, IconTruckDelivery, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DocumentDeliveryButtons, DraftPreviewButton } from "@/components/billing/document-delivery-buttons";
import { DocumentEmailsPanel } from "@/components/billing/document-emails";
import { ReasonModal } from "@/components/sales-lines/reason-modal";
import { useUnitLabel } from "@/components/sales-lines/sales-lines-api";
import { OnceButton } from "@/components/ui/once-button";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type VersionedDeliveryNote, useCancelDeliveryNote, useDeleteDeliveryNote } from "../api/delivery-notes";
import { DeliveryNoteStatusBadge, formatQuantity } from "./delivery-note-badges";
import { DeliverDialog, ValidateDeliveryNoteDialog } from "./delivery-note-dialogs";
import { DeliveryNoteHistory } from "./delivery-note-history";
import { DeliveryNoteForm } from "./delivery-note-form";

type Dialog = "validate" | "deliver" | "cancel" | "delete" | null;

/**
 * A delivery note. A draft is edited, validated (numbered, quantities frozen) or deleted; a validated note is marked
 * delivered (date, received by, remarks) or cancelled with a reason (its quantities are left to deliver again), never
 * once invoiced. A numbered note has its PDF (with or without prices, as chosen) and is e-mailed like the invoices.
 */
export function DeliveryNotePage({
  data,
  canWrite,
  canReadAudit = false,
  onDeleted,
}: {
  data: VersionedDeliveryNote;
  canWrite: boolean;
  /** audit:read: shows the note's history. */
  canReadAudit?: boolean;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const note = data.value;
  const draft = note.status === "Draft";
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);
  const unitLabel = useUnitLabel();
  const cancel = useCancelDeliveryNote();
  const remove = useDeleteDeliveryNote();
  const title = note.number ? t("deliveryNotes.titleNumber", { number: note.number }) : t("deliveryNotes.draftTitle");
  const address = note.deliveryAddress;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="delivery-note-title">
              {title}
            </Title>
            <DeliveryNoteStatusBadge status={note.status} />
          </Group>
          <Text c="dimmed">
            <Anchor component={Link} to={`/customers/${note.customerId}`}>
              {note.customerName}
            </Anchor>
            {" · "}
            <Anchor component={Link} to={`/orders/${note.orderId}`}>
              {t("deliveryNotes.orderLink", { number: note.orderNumber })}
            </Anchor>
            {note.invoiceId && (
              <>
                {" · "}
                <Anchor component={Link} to={`/invoices/${note.invoiceId}`} data-testid="invoice-link">
                  {note.invoiceNumber ? t("deliveryNotes.invoiceLink", { number: note.invoiceNumber }) : t("deliveryNotes.draftInvoice")}
                </Anchor>
              </>
            )}
          </Text>
        </div>
        <Group gap="xs" align="flex-start">
          {draft && <DraftPreviewButton type="delivery-notes" id={note.id} />}
          {canWrite && draft && !editing && (
            <>
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
              <Button color="green" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog("validate")}>
                {t("billing.validate.action")}
              </Button>
              <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
                {t("common.delete")}
              </Button>
            </>
          )}
          {canWrite && note.status === "Validated" && (
            <Button color="green" leftSection={<IconTruckDelivery size={16} />} onClick={() => setDialog("deliver")}>
              {t("deliveryNotes.deliver")}
            </Button>
          )}
          {canWrite && (note.status === "Validated" || note.status === "Delivered") && !note.invoiceId && (
            <Button color="red" variant="light" leftSection={<IconX size={16} />} onClick={() => setDialog("cancel")}>
              {t("deliveryNotes.cancel")}
            </Button>
          )}
        </Group>
      </Group>

      {!draft && note.number && (
        <DocumentDeliveryButtons
          type="delivery-notes"
          id={note.id}
          number={note.number}
          customerId={note.customerId}
          canSend={canWrite && note.status !== "Cancelled"}
          defaultSubject={t("deliveryNotes.sendSubject", { number: note.number })}
          defaultMessage={t("deliveryNotes.sendMessage", { number: note.number, order: note.orderNumber ?? "" })}
        />
      )}
      {note.cancellationReason && (
        <Alert color="red" title={t("deliveryNotes.cancelledTitle")}>
          {note.cancellationReason}
        </Alert>
      )}

      {editing ? (
        <DeliveryNoteForm
          orderId={note.orderId}
          note={data}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            notifications.show({ color: "green", message: t("deliveryNotes.saved") });
          }}
        />
      ) : (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Info label={t("deliveryNotes.number")} value={note.number ?? t("deliveryNotes.draft")} testId="delivery-note-number" />
              <Info label={t("deliveryNotes.issueDate")} value={formatDate(note.issueDate) || t("deliveryNotes.dateAtValidation")} />
              <Info label={t("deliveryNotes.plannedDate")} value={formatDate(note.plannedDate) || "—"} />
              <Info
                label={t("deliveryNotes.deliveryAddress")}
                value={address ? [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter(Boolean).join(", ") : "—"}
              />
            </SimpleGrid>
            {note.status === "Delivered" && (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mt="md" data-testid="delivery-receipt">
                <Info label={t("deliveryNotes.deliveredOn")} value={formatDate(note.deliveredOn)} testId="delivered-on" />
                <Info label={t("deliveryNotes.receivedBy")} value={note.receivedBy ?? "—"} />
                <Info label={t("deliveryNotes.deliveryRemarks")} value={note.deliveryRemarks ?? "—"} />
              </SimpleGrid>
            )}
            {note.remarks && (
              <Text size="sm" mt="sm">
                {t("deliveryNotes.remarks")} : {note.remarks}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="sm">
              {note.showPrices ? t("deliveryNotes.withPrices") : t("deliveryNotes.withoutPrices")}
            </Text>
          </Paper>

          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t("deliveryNotes.linesTitle")}
            </Title>
            <Table.ScrollContainer minWidth={480}>
              <Table aria-label={t("deliveryNotes.linesTitle")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("deliveryNotes.description")}</Table.Th>
                    <Table.Th ta="right">{t("deliveryNotes.quantity")}</Table.Th>
                    {note.showPrices && <Table.Th ta="right">{t("deliveryNotes.unitPrice")}</Table.Th>}
                    {note.showPrices && <Table.Th ta="right">{t("deliveryNotes.netAmount")}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {note.lines.map((l) => (
                    <Table.Tr key={l.id} data-testid="delivery-note-line">
                      <Table.Td style={{ whiteSpace: "pre-line" }}>{l.description}</Table.Td>
                      <Table.Td ta="right">
                        {`${formatQuantity(l.quantity)} ${unitLabel(l.unitCode)}`.trim()}
                      </Table.Td>
                      {note.showPrices && <Table.Td ta="right">{formatMoney(l.unitPrice)}</Table.Td>}
                      {note.showPrices && <Table.Td ta="right">{formatMoney(l.netAmount)}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {!draft && <DocumentEmailsPanel type="delivery-notes" id={note.id} />}
        {canReadAudit && <DeliveryNoteHistory noteId={note.id} />}
      </SimpleGrid>

      {dialog === "validate" && (
        <ValidateDeliveryNoteDialog
          note={note}
          onClose={() => setDialog(null)}
          onDone={(validated) => {
            setDialog(null);
            notifications.show({ color: "green", message: t("deliveryNotes.validatedDone", { number: validated.number }) });
          }}
        />
      )}
      {dialog === "deliver" && (
        <DeliverDialog
          note={note}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifications.show({ color: "green", message: t("deliveryNotes.deliveredDone") });
          }}
        />
      )}
      {dialog === "cancel" && (
        <ReasonModal
          opened
          title={t("deliveryNotes.cancelTitle")}
          label={t("deliveryNotes.cancelReason")}
          confirm={t("deliveryNotes.cancel")}
          mutation={cancel}
          toVariables={(reason) => ({ id: note.id, reason })}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifications.show({ color: "green", message: t("deliveryNotes.cancelledDone") });
          }}
        />
      )}
      <Modal opened={dialog === "delete"} onClose={() => setDialog(null)} title={t("deliveryNotes.deleteTitle")}>
        <Stack>
          {remove.error ? <ProblemAlert error={remove.error} /> : null}
          <Text size="sm">{t("deliveryNotes.deleteConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <OnceButton color="red" pending={remove.isPending} onClick={() => remove.mutate(note.id, { onSuccess: onDeleted })}>
              {t("common.delete")}
            </OnceButton>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Info({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
