import { Anchor, Button, Checkbox, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconFileInvoice, IconTruckDelivery } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { type DeliveryNoteSummary, type OrderDeliveries, useInvoiceDeliveryNotes, useOrderDeliveries } from "../api/delivery-notes";
import { DeliveryNoteStatusBadge, OrderDeliveryStatusBadge, formatQuantity } from "./delivery-note-badges";

type OrderStatus = "Draft" | "InProgress" | "Closed" | "Cancelled";

/** What the order page needs of the order. */
export interface DeliveredOrder {
  id: string;
  status: OrderStatus;
}

/** Only a validated order has deliveries to read. */
const hasDeliveries = (status: OrderStatus) => status === "InProgress" || status === "Closed";

/**
 * Why "Créer un bon de livraison" is not offered, or null when it is: the order must be validated and in progress, and
 * have a deliverable line with something left to deliver.
 */
export function creationRefusal(status: OrderStatus, deliveries: OrderDeliveries | undefined): string | null {
  if (status === "Draft") return "orderNotValidated";
  if (status === "Cancelled") return "orderCancelled";
  if (status === "Closed") return "orderClosed";
  if (!deliveries) return "loading";
  const deliverable = deliveries.lines.filter((l) => l.deliverable);
  if (deliverable.length === 0) return "nothingDeliverable";
  if (deliverable.every((l) => l.leftToDeliverQuantity <= 0)) return "allDelivered";
  return null;
}

/** "Livrée" / "Partiellement livrée" next to the order's status (nothing for a draft or an order without deliverable lines). */
export function OrderDeliveryStatus({ order }: { order: DeliveredOrder }) {
  const deliveries = useOrderDeliveries(order.id, hasDeliveries(order.status));
  if (!deliveries.data) return null;
  return <OrderDeliveryStatusBadge status={deliveries.data.deliveryStatus} />;
}

/** The quantity delivered per order line ("Qté livrée" of the order's billing table), once read; undefined before. */
export function useDeliveredQuantities(order: DeliveredOrder | undefined, enabled: boolean): Record<string, number> | undefined {
  const deliveries = useOrderDeliveries(order?.id ?? "", enabled && !!order && hasDeliveries(order.status));
  return deliveries.data ? Object.fromEntries(deliveries.data.lines.map((l) => [l.orderLineId, l.deliveredQuantity])) : undefined;
}

/** Notes an invoice may be made of: numbered, not cancelled, not invoiced yet. */
const invoiceable = (n: DeliveryNoteSummary) => (n.status === "Validated" || n.status === "Delivered") && !n.invoiceId;

/**
 * The order's deliveries: per deliverable line what was ordered, delivered and is left; its delivery notes; "Créer un bon
 * de livraison" (disabled, with the reason, when nothing can be delivered); and "Facturer les livraisons" for the notes
 * not invoiced yet, which creates the draft invoice of their quantities and opens it.
 */
export function OrderDeliveriesSection({ order, canWrite, canInvoice }: { order: DeliveredOrder; canWrite: boolean; canInvoice: boolean }) {
  const { t } = useTranslation();
  const deliveries = useOrderDeliveries(order.id, hasDeliveries(order.status));
  const refusal = creationRefusal(order.status, deliveries.data);
  const lines = deliveries.data?.lines.filter((l) => l.deliverable) ?? [];
  const notes = deliveries.data?.notes ?? [];

  return (
    <Paper withBorder p="md" aria-label={t("deliveryNotes.orderSection")}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Group gap="sm">
          <Title order={4}>{t("deliveryNotes.orderSection")}</Title>
          {deliveries.data && <OrderDeliveryStatusBadge status={deliveries.data.deliveryStatus} />}
        </Group>
        {canWrite && (
          <Stack gap={4} align="flex-end">
            {refusal === null ? (
              <Button component={Link} to={`/delivery-notes/new?orderId=${order.id}`} variant="light" leftSection={<IconTruckDelivery size={16} />} data-testid="create-delivery-note">
                {t("deliveryNotes.createFromOrder")}
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconTruckDelivery size={16} />}
                disabled
                aria-describedby={refusal !== "loading" ? "delivery-refusal" : undefined}
                data-testid="create-delivery-note"
              >
                {t("deliveryNotes.createFromOrder")}
              </Button>
            )}
            {refusal && refusal !== "loading" && (
              <Text size="xs" c="dimmed" id="delivery-refusal" data-testid="delivery-refusal">
                {t(`deliveryNotes.reasons.${refusal}`)}
              </Text>
            )}
          </Stack>
        )}
      </Group>
      {!hasDeliveries(order.status) ? null : deliveries.isPending ? (
        <Skeleton height={80} />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <Stack>
          {lines.length > 0 && (
            <Table.ScrollContainer minWidth={520}>
              <Table fz="sm" aria-label={t("deliveryNotes.perLine")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("deliveryNotes.description")}</Table.Th>
                    <Table.Th ta="right">{t("deliveryNotes.ordered")}</Table.Th>
                    <Table.Th ta="right">{t("deliveryNotes.delivered")}</Table.Th>
                    <Table.Th ta="right">{t("deliveryNotes.left")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((l) => (
                    <Table.Tr key={l.orderLineId} data-testid="order-delivery-line">
                      <Table.Td>{l.description.split("\n")[0]}</Table.Td>
                      <Table.Td ta="right">{formatQuantity(l.orderedQuantity)}</Table.Td>
                      <Table.Td ta="right" data-testid="delivered-quantity">
                        {formatQuantity(l.deliveredQuantity)}
                      </Table.Td>
                      <Table.Td ta="right" data-testid="left-to-deliver">
                        {formatQuantity(l.leftToDeliverQuantity)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {notes.length === 0 ? (
            lines.length > 0 && (
              <Text size="sm" c="dimmed">
                {t("deliveryNotes.noNotes")}
              </Text>
            )
          ) : (
            <OrderNotes orderId={order.id} notes={notes} canInvoice={canInvoice} />
          )}
        </Stack>
      )}
    </Paper>
  );
}

function OrderNotes({ orderId, notes, canInvoice }: { orderId: string; notes: DeliveryNoteSummary[]; canInvoice: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invoice = useInvoiceDeliveryNotes();
  const candidates = notes.filter(invoiceable);
  // Every note not invoiced yet is proposed, also one that arrives after the page opened (a note delivered meanwhile):
  // the form keeps the notes unticked, which wait for a later invoice. A refusal naming the notes (`deliveryNoteIds…`)
  // names no field here: it is shown above the button.
  const { form, submitWith, failure } = useApiForm<{ skipped: string[] }>({ initialValues: { skipped: [] } });
  const skipped = form.getValues().skipped;
  const chosen = candidates.filter((n) => !skipped.includes(n.id)).map((n) => n.id);
  const selectable = canInvoice && candidates.length > 0;
  const submit = submitWith(
    invoice,
    (v) => ({ body: { deliveryNoteIds: candidates.filter((n) => !v.skipped.includes(n.id)).map((n) => n.id) } }),
    (created) => void navigate(`/invoices/${created.id}`),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("deliveryNotes.notesOfOrder")}>
      <Stack gap="xs">
        <Table.ScrollContainer minWidth={600}>
          <Table fz="sm" aria-label={t("deliveryNotes.notesOfOrder")}>
            <Table.Thead>
              <Table.Tr>
                {selectable && <Table.Th w={40} />}
                <Table.Th>{t("deliveryNotes.number")}</Table.Th>
                <Table.Th>{t("deliveryNotes.plannedDate")}</Table.Th>
                <Table.Th>{t("deliveryNotes.deliveredOn")}</Table.Th>
                <Table.Th>{t("deliveryNotes.invoice")}</Table.Th>
                <Table.Th>{t("deliveryNotes.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notes.map((n) => {
                const label = n.number ?? t("deliveryNotes.draft");
                return (
                  <Table.Tr key={n.id} data-testid="order-delivery-note">
                    {selectable && (
                      <Table.Td>
                        {invoiceable(n) && (
                          <Checkbox
                            aria-label={t("deliveryNotes.pickForInvoice", { number: label })}
                            checked={chosen.includes(n.id)}
                            onChange={(e) =>
                              form.setFieldValue("skipped", e.currentTarget.checked ? skipped.filter((id) => id !== n.id) : [...skipped, n.id])
                            }
                          />
                        )}
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Anchor component={Link} to={`/delivery-notes/${n.id}`}>
                        {label}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(n.plannedDate)}</Table.Td>
                    <Table.Td>{formatDate(n.deliveredOn)}</Table.Td>
                    <Table.Td>
                      {n.invoiceId && (
                        <Anchor component={Link} to={`/invoices/${n.invoiceId}`}>
                          {t("deliveryNotes.invoiced")}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <DeliveryNoteStatusBadge status={n.status} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Group justify="space-between">
          <Anchor component={Link} to={`/delivery-notes?orderId=${orderId}`} size="sm">
            {t("deliveryNotes.seeAll")}
          </Anchor>
          {selectable && (
            <Button type="submit" leftSection={<IconFileInvoice size={16} />} disabled={chosen.length === 0} loading={invoice.isPending} data-testid="invoice-deliveries">
              {t("deliveryNotes.invoiceDeliveries", { count: chosen.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
