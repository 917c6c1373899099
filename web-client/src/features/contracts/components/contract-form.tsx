import { Button, Checkbox, Grid, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { SalesLinesTable } from "@/components/sales-lines/sales-lines-table";
import { type LineDraft, type SalesLineResponse, emptyLine, fromLineResponse, linesProblem, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatMoney } from "@/lib/format-money";
import {
  type BillingTiming,
  type Contract,
  type ContractPeriodicity,
  type RevisionKind,
  periodicities,
  revisionKinds,
  timings,
  todayIso,
  useCreateContract,
  useCreateContractFromOrder,
  useUpdateContract,
} from "../api/contracts";

export interface ContractTermsValues {
  startDate: string | null;
  termMonths: number | string;
  periodicity: ContractPeriodicity;
  timing: BillingTiming;
  tacitRenewal: boolean;
  noticeMonths: number | string;
  revisionKind: RevisionKind;
  revisionPercentage: number | string;
  revisionBaseIndex: number | string;
}

interface ContractValues extends ContractTermsValues {
  customerId: string | null;
  customerName: string | null;
  lines: LineDraft[];
  /** From an order: the order lines chosen (contract lines not yet under a contract). */
  orderLineIds: string[];
}

const num = (v: number | string): number | null => (v === "" ? null : Number(v));

export const defaultTerms = (): ContractTermsValues => ({
  startDate: todayIso(),
  termMonths: 12,
  periodicity: "Monthly",
  timing: "InAdvance",
  tacitRenewal: true,
  noticeMonths: 1,
  revisionKind: "None",
  revisionPercentage: "",
  revisionBaseIndex: "",
});

function termsOf(c: Contract): ContractTermsValues {
  return {
    startDate: c.startDate,
    termMonths: c.termMonths,
    periodicity: c.periodicity ?? "Monthly",
    timing: c.timing,
    tacitRenewal: c.tacitRenewal,
    noticeMonths: c.noticeMonths,
    revisionKind: c.revision.kind,
    revisionPercentage: c.revision.percentage ?? "",
    revisionBaseIndex: c.revision.baseIndexValue ?? "",
  };
}

function termsRequest(v: ContractTermsValues) {
  return {
    startDate: v.startDate ?? "",
    termMonths: num(v.termMonths) ?? 0,
    periodicity: v.periodicity,
    timing: v.timing,
    tacitRenewal: v.tacitRenewal,
    noticeMonths: num(v.noticeMonths) ?? 0,
    revision: {
      kind: v.revisionKind,
      percentage: v.revisionKind === "Percentage" ? num(v.revisionPercentage) : null,
      baseIndexValue: v.revisionKind === "Index" ? num(v.revisionBaseIndex) : null,
    },
  };
}

/** The server's field names → the form's: `revision.percentage` → `revisionPercentage`, `lines[0].x` → `lines.0.x`. */
function contractProblem(error: unknown): unknown {
  return renameProblemFields(linesProblem(error), (path) => {
    if (/^revision\.kind$/i.test(path)) return "revisionKind";
    if (/^revision\.percentage$/i.test(path)) return "revisionPercentage";
    if (/^revision\.(base)?indexValue$/i.test(path)) return "revisionBaseIndex";
    if (/^revision$/i.test(path)) return "revisionKind";
    if (/^orderLineIds/i.test(path)) return "orderLineIds";
    return path;
  });
}

/**
 * A contract's form: a direct contract (customer and lines typed here), an order's contract lines (chosen among the
 * validated order's lines under no contract yet), or a draft being edited. The server checks everything and its
 * refusals land under the fields.
 */
export function ContractForm({
  contract,
  etag,
  order,
  linesUnderContract,
  defaults,
  onSaved,
}: {
  /** The draft being edited (with its ETag). */
  contract?: Contract;
  etag?: string | null;
  /** The validated order the contract is made from: its contract lines not under a contract yet are offered. */
  order?: { id: string; number: string | null; customerId: string; customerName: string; lines: SalesLineResponse[] };
  /** The order lines already billed by a contract: not offered again. */
  linesUnderContract?: ReadonlySet<string>;
  defaults?: { customerId: string; customerName: string | null };
  onSaved: (contract: Contract) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateContract();
  const fromOrder = useCreateContractFromOrder();
  const update = useUpdateContract();
  const offered = order ? order.lines.filter((l) => l.isContractLine && !linesUnderContract?.has(l.id)) : [];
  const { form, submitWith, failure } = useApiForm<ContractValues>({
    mapProblem: contractProblem,
    initialValues: {
      ...(contract ? termsOf(contract) : defaultTerms()),
      customerId: contract?.customerId ?? order?.customerId ?? defaults?.customerId ?? null,
      customerName: contract?.customerName ?? order?.customerName ?? defaults?.customerName ?? null,
      lines: contract ? contract.lines.map((l) => fromLineResponse({ ...l, isContractLine: true })) : [emptyLine()],
      orderLineIds: offered.map((l) => l.id),
    },
    validate: {
      customerId: (v) => (v ? null : t("errors.required")),
      startDate: (v) => (v ? null : t("errors.required")),
      termMonths: (v) => (v === "" ? t("errors.required") : null),
      orderLineIds: (v) => (order && v.length === 0 ? t("contracts.pickOrderLines") : null),
    },
  });
  const values = form.getValues();
  const saved = (result: Contract) => {
    notifications.show({ color: "green", message: t("contracts.saved") });
    onSaved(result);
  };

  const submitDirect = submitWith(
    create,
    (v) => ({ body: { customerId: v.customerId!, ownerUserId: null, lines: v.lines.map(toLineRequest), ...termsRequest(v) } }),
    saved,
  );
  const submitFromOrder = submitWith(
    fromOrder,
    (v) => ({ body: { orderId: order?.id ?? "", orderLineIds: v.orderLineIds, ownerUserId: null, ...termsRequest(v) } }),
    saved,
  );
  // A contract made from an order keeps the order's lines: its draft sends none (null keeps them).
  const submitEdit = submitWith(
    update,
    (v) => ({
      id: contract?.id ?? "",
      etag: etag ?? null,
      body: { customerId: v.customerId!, ownerUserId: contract?.ownerUserId ?? null, lines: contract?.orderId ? null : v.lines.map(toLineRequest), ...termsRequest(v) },
    }),
    (result) => saved(result.value),
  );
  const submit = contract ? submitEdit : order ? submitFromOrder : submitDirect;
  const pending = create.isPending || fromOrder.isPending || update.isPending;
  const fromAnOrder = !!order || !!contract?.orderId;
  const title = contract ? t("contracts.editTitle", { number: contract.reference }) : t("contracts.newTitle");

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Paper withBorder p="md">
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <CustomerSelect
                label={t("contracts.customer")}
                required
                disabled={fromAnOrder}
                value={values.customerId}
                valueLabel={values.customerName}
                onChange={(id, name) => {
                  form.setFieldValue("customerId", id);
                  form.setFieldValue("customerName", name);
                }}
                error={form.errors.customerId ? String(form.errors.customerId) : undefined}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <DatePickerInput label={t("contracts.startDate")} required valueFormat="DD/MM/YYYY" {...form.getInputProps("startDate")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <NumberInput label={t("contracts.termMonths")} required min={1} max={120} allowDecimal={false} suffix={` ${t("contracts.monthsUnit")}`} {...form.getInputProps("termMonths")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <Select
                label={t("contracts.periodicity")}
                required
                allowDeselect={false}
                data={periodicities.map((p) => ({ value: p, label: t(`periodicities.${p}`) }))}
                {...form.getInputProps("periodicity")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <Select
                label={t("contracts.timing")}
                required
                allowDeselect={false}
                data={timings.map((p) => ({ value: p, label: t(`contracts.timings.${p}`) }))}
                {...form.getInputProps("timing")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <NumberInput
                label={t("contracts.notice")}
                description={t("contracts.noticeHelp")}
                min={0}
                max={24}
                allowDecimal={false}
                suffix={` ${t("contracts.monthsUnit")}`}
                {...form.getInputProps("noticeMonths")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }} pt="lg">
              <Switch label={t("contracts.tacitRenewal")} mt="md" {...form.getInputProps("tacitRenewal", { type: "checkbox" })} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Select
                label={t("contracts.revisionClause")}
                allowDeselect={false}
                data={revisionKinds.map((k) => ({ value: k, label: t(`contracts.revisionKinds.${k}`) }))}
                {...form.getInputProps("revisionKind")}
              />
            </Grid.Col>
            {values.revisionKind === "Percentage" && (
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <NumberInput label={t("contracts.revisionPercentage")} suffix=" %" decimalSeparator="," decimalScale={2} {...form.getInputProps("revisionPercentage")} />
              </Grid.Col>
            )}
            {values.revisionKind === "Index" && (
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <NumberInput
                  label={t("contracts.revisionBaseIndex")}
                  description={t("contracts.revisionBaseIndexHelp")}
                  decimalSeparator=","
                  decimalScale={4}
                  {...form.getInputProps("revisionBaseIndex")}
                />
              </Grid.Col>
            )}
          </Grid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t("contracts.linesPerPeriod")}
          </Title>
          {contract?.orderId ? (
            <SalesLinesTable lines={contract.lines.map((l) => ({ ...l, isContractLine: true }))} />
          ) : order ? (
            <OrderLinesChoice
              lines={offered}
              chosen={values.orderLineIds}
              error={form.errors.orderLineIds ? String(form.errors.orderLineIds) : undefined}
              onChange={(ids) => form.setFieldValue("orderLineIds", ids)}
            />
          ) : (
            <LineEditor form={form} customerId={values.customerId} />
          )}
        </Paper>
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {contract ? t("common.save") : t("contracts.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The order's contract lines under no contract yet, each with its checkbox (all chosen at first). */
function OrderLinesChoice({ lines, chosen, error, onChange }: { lines: SalesLineResponse[]; chosen: string[]; error?: string; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Table aria-label={t("contracts.orderLines")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t("salesLines.description")}</Table.Th>
            <Table.Th ta="right">{t("salesLines.quantity")}</Table.Th>
            <Table.Th ta="right">{t("salesLines.net")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Checkbox
                  aria-label={t("contracts.pickLine", { description: l.description.split("\n")[0] })}
                  checked={chosen.includes(l.id)}
                  onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, l.id] : chosen.filter((id) => id !== l.id))}
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "pre-line" }}>{l.description}</Table.Td>
              <Table.Td ta="right">{l.quantity}</Table.Td>
              <Table.Td ta="right">{formatMoney(l.netAmount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
