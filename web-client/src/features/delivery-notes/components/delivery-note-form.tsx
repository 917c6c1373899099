import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconTruckDelivery } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import {
  type DeliveryNote,
  type UpdateDeliveryNoteRequest,
  type OrderDeliveryLine,
  type VersionedDeliveryNote,
  useCreateDeliveryNote,
  useOrderDeliveries,
  useUpdateDeliveryNote,
} from "../api/delivery-notes";
import { formatQuantity } from "./delivery-note-badges";

type Address = components["schemas"]["PostalAddressDto"];

interface NoteValues {
  /** One row per deliverable line of the order; "" or 0: not on this note. */
  lines: { orderLineId: string; quantity: number | string }[];
  plannedDate: string | null;
  /** "" : the order's delivery address; otherwise the index of one of the customer's delivery addresses. */
  addressKey: string;
  remarks: string;
  showPrices: boolean;
}

const addressLabel = (a: Address) => [a.line1, a.line2, `${a.postalCode} ${a.city}`].filter(Boolean).join(", ");
/** The customer's address the note already goes to, else "" (the order's). */
function initialAddressKey(address: Address | null, addresses: { address: Address }[]): string {
  if (!address) return "";
  const index = addresses.findIndex((a) => addressLabel(a.address) === addressLabel(address));
  return index < 0 ? "" : String(index);
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
const sent = (q: number | string) => q !== "" && Number(q) > 0;

/** The rows sent, in the order sent: the server names a refused one `lines[i]`, i among these. */
function sentRows(values: NoteValues): number[] {
  return values.lines.flatMap((l, row) => (sent(l.quantity) ? [row] : []));
}

/**
 * A delivery note of a validated order, created or (a draft) edited: one row per deliverable line with what was
 * ordered, what is already delivered and what is left, the quantity of this note prefilled with the rest. The server
 * decides what may be delivered (never more than is left, also against a note created at the same moment): its refusal
 * of a row lands under that row's quantity.
 */
export function DeliveryNoteForm({
  orderId,
  note,
  onDone,
  onCancel,
}: {
  orderId: string;
  /** The draft being edited; absent: a new note. */
  note?: VersionedDeliveryNote;
  onDone: (note: DeliveryNote) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const deliveries = useOrderDeliveries(orderId);
  const order = useApiQuery("/api/v1/orders/{id}", { params: { path: { id: orderId } } });
  const customer = useApiQuery("/api/v1/customers/{id}", { params: { path: { id: order.data?.customerId ?? "" } } }, { enabled: !!order.data });
  if (deliveries.isPending || order.isPending) return <Skeleton height={240} />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const lines = deliveries.data.lines.filter((l) => l.deliverable);
  if (lines.length === 0) return <Alert color="gray">{t("deliveryNotes.reasons.nothingDeliverable")}</Alert>;
  return (
    <NoteForm
      orderId={orderId}
      lines={lines}
      orderAddress={order.data.deliveryAddress}
      addresses={(customer.data?.deliveryAddresses ?? []).map((a) => ({ label: a.label, address: a.address }))}
      note={note}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

function NoteForm({
  orderId,
  lines,
  orderAddress,
  addresses,
  note,
  onDone,
  onCancel,
}: {
  orderId: string;
  lines: OrderDeliveryLine[];
  orderAddress: Address | null;
  addresses: { label: string; address: Address }[];
  note?: VersionedDeliveryNote;
  onDone: (note: DeliveryNote) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDeliveryNote();
  const update = useUpdateDeliveryNote();
  const current = note?.value;
  const noteQuantity = (orderLineId: string) => current?.lines.find((l) => l.orderLineId === orderLineId)?.quantity;
  const { form, submitWith, failure } = useApiForm<NoteValues>({
    initialValues: {
      lines: lines.map((l) => ({ orderLineId: l.orderLineId, quantity: current ? (noteQuantity(l.orderLineId) ?? "") : l.leftToDeliverQuantity > 0 ? l.leftToDeliverQuantity : "" })),
      plannedDate: current?.plannedDate ?? null,
      addressKey: initialAddressKey(current?.deliveryAddress ?? null, addresses),
      remarks: current?.remarks ?? "",
      showPrices: current?.showPrices ?? false,
    },
    // "lines[1].quantity" is the second row sent: put it under that row's quantity. A refusal of the lines as a whole
    // ("lines": none sent) names no row: it goes to the summary above the table.
    mapProblem: (error, submitted) => {
      const rows = sentRows(submitted);
      return renameProblemFields(error, (path) => {
        const m = /^lines\[(\d+)\](?:\.(\w+))?$/i.exec(path);
        if (!m) return /^lines$/i.test(path) ? "allLines" : path;
        const row = rows[Number(m[1])];
        return row === undefined ? "allLines" : `lines.${row}.quantity`;
      });
    },
  });
  const addressOptions = [
    { value: "", label: orderAddress ? t("deliveryNotes.orderAddress", { address: addressLabel(orderAddress) }) : t("deliveryNotes.orderAddressNone") },
    ...addresses.map((a, i) => ({ value: String(i), label: `${a.label} — ${addressLabel(a.address)}` })),
  ];

  const body = (v: NoteValues): UpdateDeliveryNoteRequest => ({
    lines: v.lines.filter((l) => sent(l.quantity)).map((l) => ({ orderLineId: l.orderLineId, quantity: Number(l.quantity) })),
    plannedDate: v.plannedDate,
    deliveryAddress: v.addressKey === "" ? null : (addresses[Number(v.addressKey)]?.address ?? null),
    remarks: orNull(v.remarks),
    showPrices: v.showPrices,
  });
  const submit = note
    ? submitWith(update, (v) => ({ id: note.value.id, etag: note.etag, body: body(v) }), (saved) => onDone(saved.value))
    : submitWith(create, (v) => ({ body: { orderId, ...body(v) } }), onDone);

  return (
    <form onSubmit={submit} noValidate aria-label={note ? t("deliveryNotes.editTitle") : t("deliveryNotes.new")}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t("deliveryNotes.linesTitle")}
          </Title>
          <Table.ScrollContainer minWidth={620}>
            <Table aria-label={t("deliveryNotes.linesTitle")} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("deliveryNotes.description")}</Table.Th>
                  <Table.Th ta="right">{t("deliveryNotes.ordered")}</Table.Th>
                  <Table.Th ta="right">{t("deliveryNotes.delivered")}</Table.Th>
                  <Table.Th ta="right">{t("deliveryNotes.left")}</Table.Th>
                  <Table.Th w={170}>{t("deliveryNotes.quantity")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l, row) => {
                  const name = l.description.split("\n")[0] ?? "";
                  return (
                    <Table.Tr key={l.orderLineId} data-testid="delivery-row">
                      <Table.Td>{name}</Table.Td>
                      <Table.Td ta="right">{formatQuantity(l.orderedQuantity)}</Table.Td>
                      <Table.Td ta="right">{formatQuantity(l.deliveredQuantity)}</Table.Td>
                      <Table.Td ta="right">{formatQuantity(l.leftToDeliverQuantity)}</Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t("deliveryNotes.quantityOf", { name })}
                          min={0}
                          decimalScale={3}
                          hideControls
                          {...form.getInputProps(`lines.${row}.quantity`)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            {t("deliveryNotes.quantityHelp")}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DatePickerInput label={t("deliveryNotes.plannedDate")} valueFormat="DD/MM/YYYY" clearable {...form.getInputProps("plannedDate")} />
            <Select label={t("deliveryNotes.deliveryAddress")} data={addressOptions} allowDeselect={false} {...form.getInputProps("addressKey")} />
            <Textarea label={t("deliveryNotes.remarks")} rows={2} {...form.getInputProps("remarks")} />
            <Checkbox
              label={t("deliveryNotes.showPrices")}
              description={t("deliveryNotes.showPricesHelp")}
              mt="lg"
              {...form.getInputProps("showPrices", { type: "checkbox" })}
            />
          </SimpleGrid>
        </Paper>
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          )}
          <Button type="submit" leftSection={<IconTruckDelivery size={16} />} loading={create.isPending || update.isPending}>
            {note ? t("common.save") : t("deliveryNotes.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
