import { Alert, Button, Group, NumberInput, Paper, Radio, SegmentedControl, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFileInvoice } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { TotalsPanel } from "@/components/sales-lines/totals-panel";
import { isPriced } from "@/components/sales-lines/sales-lines-api";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatMoney } from "@/lib/format-money";
import type { components } from "@/api/schema";
import { type Invoice, type InvoiceFromOrderRequest, type InvoiceKind, useCreateInvoiceFromOrder, useInvoiceableOrders, useInvoicePreview, useOrderMilestones, useOrderToInvoice } from "../api/invoices";

type Order = components["schemas"]["OrderResponse"];
import { BillingLinesTable } from "@/components/billing/billing-lines-table";

export type OrderInvoiceKind = Exclude<InvoiceKind, "Direct">;
export type Basis = "percentage" | "amountExcludingVat" | "amountIncludingVat" | "lines";
const kinds: OrderInvoiceKind[] = ["Full", "Intermediate", "Deposit", "Balance"];
const basesOf: Record<OrderInvoiceKind, Basis[]> = {
  Full: [],
  Intermediate: ["percentage", "amountExcludingVat", "lines"],
  Deposit: ["percentage", "amountExcludingVat", "amountIncludingVat"],
  Balance: [],
};

/** "Solde" when the order has deposits not yet deducted, else "Acompte" (the usual first invoice of an order). */
export function defaultKindFor(order: { billing?: { rates: { depositedBase: number; deductedBase: number }[] } | null }): OrderInvoiceKind {
  const waiting = (order.billing?.rates ?? []).reduce((sum, r) => sum + r.depositedBase - r.deductedBase, 0);
  return waiting > 0 ? "Balance" : "Deposit";
}

export interface FromOrderState {
  kind: OrderInvoiceKind;
  basis: Basis;
  value: number | string;
  /** Quantity to bill per order line id ("" = not billed). */
  quantities: Record<string, number | string>;
  milestoneId: string | null;
}

/**
 * The request for the current choices, or null while it cannot be asked yet (no amount, no line). `lineIds` gives,
 * for each sent line, the order line it bills (to put a "lines[i].quantity" error on the right row).
 */
export function toFromOrderRequest(orderId: string, s: FromOrderState): { body: InvoiceFromOrderRequest; lineIds: string[] } | null {
  const body: InvoiceFromOrderRequest = { orderId, kind: s.kind, milestoneId: s.milestoneId };
  const lineIds: string[] = [];
  const bases = basesOf[s.kind];
  if (bases.length > 0) {
    if (s.basis === "lines" && bases.includes("lines")) {
      const lines = Object.entries(s.quantities)
        .filter(([, q]) => q !== "" && q !== null && q !== undefined)
        .map(([orderLineId, q]) => {
          lineIds.push(orderLineId);
          return { orderLineId, quantity: Number(q) };
        });
      if (lines.length === 0) return s.milestoneId ? { body, lineIds } : null;
      body.lines = lines;
    } else if (s.value === "" || s.value === null) {
      // A milestone without an amount bills its own percentage or amount.
      if (!s.milestoneId) return null;
    } else if (bases.includes(s.basis)) {
      const value = Number(s.value);
      if (s.basis === "percentage") body.percentage = value;
      else if (s.basis === "amountExcludingVat") body.amountExcludingVat = value;
      else if (s.basis === "amountIncludingVat") body.amountIncludingVat = value;
    }
  }
  return { body, lineIds };
}

interface MappedErrors {
  kind?: string;
  value?: string;
  milestone?: string;
  lines: Record<string, string>;
  other: string[];
}

/** A 409/422 of the preview or the creation, put next to the field it names (the sentences are the server's, in French). */
export function mapFromOrderErrors(error: unknown, lineIds: string[]): MappedErrors {
  const mapped: MappedErrors = { lines: {}, other: [] };
  const apiError = asApiError(error);
  if (!apiError) return mapped;
  const errors = apiError.problem.errors ?? {};
  if (Object.keys(errors).length === 0) return mapped;
  for (const [rawKey, messages] of Object.entries(errors)) {
    const key = rawKey.startsWith("$.") ? rawKey.slice(2) : rawKey;
    const message = messages.join(" ");
    const line = /^[Ll]ines\[(\d+)\]/.exec(key);
    if (line) {
      const id = lineIds[Number(line[1])];
      if (id) mapped.lines[id] = message;
      else mapped.other.push(message);
    } else if (["percentage", "amount", "amountExcludingVat", "amountIncludingVat", "Percentage", "AmountExcludingVat", "AmountIncludingVat"].includes(key)) {
      mapped.value = message;
    } else if (key === "kind" || key === "orderId" || key === "Kind") {
      mapped.kind = message;
    } else if (key === "milestoneId") {
      mapped.milestone = message;
    } else if (key === "lines") {
      mapped.other.push(message);
    } else {
      mapped.other.push(message);
    }
  }
  return mapped;
}

/** "Facturer une commande": the order (given or picked), the kind of invoice, and the server's preview before the draft is created. */
export function InvoiceFromOrderForm({
  orderId: givenOrderId,
  canReadSchedule,
  onCreated,
}: {
  orderId: string | null;
  canReadSchedule: boolean;
  onCreated: (invoice: Invoice) => void;
}) {
  const { t } = useTranslation();
  const [pickedOrderId, setPickedOrderId] = useState<string | null>(givenOrderId);
  const orderId = givenOrderId ?? pickedOrderId;
  return (
    <Stack>
      {!givenOrderId && <OrderPicker value={pickedOrderId} onChange={setPickedOrderId} />}
      {orderId ? (
        <OrderInvoiceChoices key={orderId} orderId={orderId} canReadSchedule={canReadSchedule} onCreated={onCreated} />
      ) : (
        <Text c="dimmed">{t("invoices.fromOrder.pickOrderHelp")}</Text>
      )}
    </Stack>
  );
}

function OrderPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search, 250);
  const query = useInvoiceableOrders(debounced.trim(), true);
  const data = (query.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.number ?? ""} · ${o.customerName} · ${t("invoices.fromOrder.leftShort", { amount: formatMoney(o.leftToInvoiceExcludingVat) })}`,
  }));
  return (
    <Select
      label={t("invoices.fromOrder.order")}
      placeholder={t("invoices.fromOrder.orderPlaceholder")}
      searchable
      clearable
      data={data}
      value={value}
      filter={({ options }) => options}
      searchValue={opened ? search : undefined}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      nothingFoundMessage={query.isFetching ? t("common.loading") : t("invoices.fromOrder.noOrder")}
      onChange={onChange}
      w={520}
    />
  );
}

/** A problem's names → the form's: `lines[i]` is the row of the order line sent at index i, any amount is `value`. */
function toFormPath(path: string, lineIds: string[]) {
  const key = path.startsWith("$.") ? path.slice(2) : path;
  const line = /^lines\[(\d+)\]/i.exec(key);
  if (line) return lineIds[Number(line[1])] ? `quantities.${lineIds[Number(line[1])]}` : key;
  if (/^(percentage|amount|amountExcludingVat|amountIncludingVat)$/i.test(key)) return "value";
  if (/^(kind|orderId)$/i.test(key)) return "kind";
  return key;
}

function OrderInvoiceChoices({ orderId, canReadSchedule, onCreated }: { orderId: string; canReadSchedule: boolean; onCreated: (invoice: Invoice) => void }) {
  const { t } = useTranslation();
  const orderQuery = useOrderToInvoice(orderId);
  if (orderQuery.isPending) return <Text c="dimmed">{t("common.loading")}</Text>;
  if (orderQuery.isError || !orderQuery.data) return <ProblemAlert error={orderQuery.error} />;
  return <OrderInvoiceForm order={orderQuery.data} canReadSchedule={canReadSchedule} onCreated={onCreated} />;
}

function OrderInvoiceForm({ order, canReadSchedule, onCreated }: { order: Order; canReadSchedule: boolean; onCreated: (invoice: Invoice) => void }) {
  const { t } = useTranslation();
  const orderId = order.id;
  const schedule = useOrderMilestones(orderId, canReadSchedule && order.status === "InProgress");
  // The first choice follows the order: once deposits wait to be deducted, what is left is billed by the balance.
  const initialKind = defaultKindFor(order);
  const { form, submitWith, failure, clearFailure } = useApiForm<FromOrderState>({
    initialValues: { kind: initialKind, basis: basesOf[initialKind][0] ?? "percentage", value: "", quantities: {}, milestoneId: null },
    mapProblem: (error, submitted) => {
      const lineIds = toFromOrderRequest(orderId, submitted)?.lineIds ?? [];
      return renameProblemFields(error, (path) => toFormPath(path, lineIds));
    },
  });
  const state = form.getValues();
  const request = toFromOrderRequest(orderId, state);
  const payload = JSON.stringify(request);
  const [debounced] = useDebouncedValue(payload, 300);
  const sent = useMemo(() => JSON.parse(debounced) as ReturnType<typeof toFromOrderRequest>, [debounced]);
  const preview = useInvoicePreview(sent?.body ?? null);
  const create = useCreateInvoiceFromOrder();
  // The preview's refusal (a query, not a submission) is shown on the same fields as the creation's.
  const previewErrors = mapFromOrderErrors(preview.isError ? preview.error : null, sent?.lineIds ?? []);
  const set = (patch: Partial<FromOrderState>) => {
    form.setValues(patch);
    form.clearErrors();
    clearFailure();
  };
  const submit = submitWith(create, (v) => ({ body: toFromOrderRequest(orderId, v)!.body }), (invoice) => onCreated(invoice));
  const fieldError = (name: string) => (form.errors[name] ? String(form.errors[name]) : undefined);
  const errors = {
    kind: fieldError("kind") ?? previewErrors.kind,
    value: fieldError("value") ?? previewErrors.value,
    milestone: fieldError("milestoneId") ?? previewErrors.milestone,
    lines: {
      ...previewErrors.lines,
      ...Object.fromEntries(
        Object.entries(form.errors)
          .filter(([path]) => path.startsWith("quantities."))
          .map(([path, message]) => [path.slice("quantities.".length), String(message)]),
      ),
    },
  };

  const bases = basesOf[state.kind];
  const milestones = (schedule.data?.milestones ?? []).filter((m) => m.invoiceId === null);
  const computing = preview.isFetching || payload !== debounced;
  const shown = preview.data && !preview.isError && sent !== null ? preview.data : null;
  const previewUnmatched =
    preview.isError &&
    !failure &&
    (previewErrors.other.length > 0 || (!previewErrors.kind && !previewErrors.value && !previewErrors.milestone && Object.keys(previewErrors.lines).length === 0));

  return (
    <form onSubmit={submit} noValidate aria-label={t("invoices.fromOrder.create")}>
      <Stack>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t("invoices.fromOrder.orderTitle", { number: order.number })}</Title>
            <Text size="sm" data-testid="order-left-to-invoice">
              {t("invoices.fromOrder.leftToInvoice", { amount: formatMoney(order.billing?.leftToInvoiceExcludingVat ?? 0, order.currency) })}
            </Text>
          </Group>
          <Stack>
            <div>
              <Text size="sm" fw={500} mb={4} id="invoice-kind-label">
                {t("invoices.fromOrder.kind")}
              </Text>
              <SegmentedControl
                aria-labelledby="invoice-kind-label"
                data={kinds.map((k) => ({ value: k, label: t(`invoices.kinds.${k}`) }))}
                value={state.kind}
                onChange={(v) => {
                  const kind = v as OrderInvoiceKind;
                  const nextBases = basesOf[kind];
                  set({ kind, basis: nextBases.includes(state.basis) ? state.basis : (nextBases[0] ?? "percentage"), value: "" });
                }}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t(`invoices.fromOrder.kindHelp.${state.kind}`)}
              </Text>
              {errors.kind && (
                <Text c="red" size="sm" mt={4} role="alert" data-testid="kind-error">
                  {errors.kind}
                </Text>
              )}
            </div>
            {bases.length > 0 && (
              <Radio.Group label={t("invoices.fromOrder.basis")} value={state.basis} onChange={(v) => set({ basis: v as Basis, value: "" })}>
                <Group mt={4}>
                  {bases.map((b) => (
                    <Radio key={b} value={b} label={t(`invoices.fromOrder.bases.${b}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
            {bases.length > 0 && state.basis !== "lines" && (
              <NumberInput
                label={t(`invoices.fromOrder.values.${state.basis}`)}
                decimalSeparator=","
                hideControls
                decimalScale={2}
                min={0}
                max={state.basis === "percentage" ? 100 : undefined}
                suffix={state.basis === "percentage" ? " %" : " €"}
                value={state.value}
                onChange={(v) => set({ value: v })}
                error={errors.value}
                w={240}
              />
            )}
            {bases.length > 0 && state.basis === "lines" && (
              <OrderLinesQuantities order={order} quantities={state.quantities} errors={errors.lines} onChange={(quantities) => set({ quantities })} />
            )}
            {state.basis === "lines" && errors.value && (
              <Text c="red" size="sm" role="alert">
                {errors.value}
              </Text>
            )}
            {milestones.length > 0 && (state.kind === "Intermediate" || state.kind === "Deposit") && (
              <Select
                label={t("invoices.fromOrder.milestone")}
                description={t("invoices.fromOrder.milestoneHelp")}
                clearable
                data={milestones.map((m) => ({
                  value: m.id,
                  label: `${m.label} · ${formatMoney(m.plannedAmountExcludingVat, order.currency)} ${t("billing.ht")}${m.isLate ? ` · ${t("orders.schedule.late")}` : ""}`,
                }))}
                value={state.milestoneId}
                onChange={(v) => set({ milestoneId: v })}
                error={errors.milestone}
                w={520}
              />
            )}
          </Stack>
        </Paper>

        {failure ? <ProblemAlert error={failure.error} extraMessages={failure.unmatched} /> : null}
        {previewUnmatched ? <ProblemAlert error={preview.error} extraMessages={previewErrors.other} /> : null}

        <Paper withBorder p="md" aria-label={t("invoices.fromOrder.preview")}>
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t("invoices.fromOrder.preview")}</Title>
            {shown && <Text fw={600}>{shown.title}</Text>}
          </Group>
          {sent === null && !computing ? (
            <Text c="dimmed" size="sm">
              {t("invoices.fromOrder.previewHelp")}
            </Text>
          ) : shown ? (
            <Stack>
              <BillingLinesTable lines={shown.lines} currency={shown.currency} label={t("invoices.fromOrder.previewLines")} />
              <Group justify="flex-end">
                <TotalsPanel totals={shown.totals} currency={shown.currency} computing={computing} />
              </Group>
            </Stack>
          ) : (
            <Group justify="flex-end">
              <TotalsPanel totals={null} computing={computing} />
            </Group>
          )}
        </Paper>

        <Alert color="blue" variant="light">
          {t("invoices.fromOrder.draftNotice")}
        </Alert>
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconFileInvoice size={16} />} disabled={request === null || computing || preview.isError} loading={create.isPending}>
            {t("invoices.fromOrder.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const quantityFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 });

function OrderLinesQuantities({
  order,
  quantities,
  errors,
  onChange,
}: {
  order: Order;
  quantities: Record<string, number | string>;
  errors: Record<string, string>;
  onChange: (q: Record<string, number | string>) => void;
}) {
  const { t } = useTranslation();
  const ledger = new Map((order.billing?.lines ?? []).map((l) => [l.orderLineId, l]));
  const lines = order.lines.filter((l) => isPriced(l.kind));
  return (
    <Table aria-label={t("invoices.fromOrder.linesToBill")} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("salesLines.description")}</Table.Th>
          <Table.Th ta="right">{t("invoices.fromOrder.ordered")}</Table.Th>
          <Table.Th ta="right">{t("orders.leftNet")}</Table.Th>
          <Table.Th w={160}>{t("invoices.fromOrder.quantityToBill")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, i) => {
          const left = ledger.get(line.id);
          return (
            <Table.Tr key={line.id}>
              <Table.Td style={{ whiteSpace: "pre-line" }}>{line.description}</Table.Td>
              <Table.Td ta="right">{quantityFormat.format(line.quantity)}</Table.Td>
              <Table.Td ta="right">{formatMoney(left?.leftNet ?? null, order.currency)}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t("invoices.fromOrder.quantityOf", { n: i + 1 })}
                  decimalSeparator=","
                  hideControls
                  decimalScale={3}
                  min={0}
                  value={quantities[line.id] ?? ""}
                  onChange={(v) => onChange({ ...quantities, [line.id]: v })}
                  error={errors[line.id]}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
