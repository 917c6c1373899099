import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Select, Skeleton, Table, Text, TextInput, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatMoney } from "@/lib/format-money";
import { type BillingSchedule, type VersionedSchedule, useBillingSchedule, useSaveBillingSchedule } from "../api/orders";

interface MilestoneDraft {
  key: string;
  id: string | null;
  label: string;
  plannedDate: string | null;
  mode: "percentage" | "amount";
  value: number | string;
  invoiced: boolean;
}

const toDrafts = (s: BillingSchedule): MilestoneDraft[] =>
  s.milestones.map((m) => ({
    key: m.id,
    id: m.id,
    label: m.label,
    plannedDate: m.plannedDate,
    mode: m.percentage !== null ? "percentage" : "amount",
    value: m.percentage ?? m.amount ?? "",
    invoiced: m.invoiceId !== null,
  }));

/** The échéancier of a validated order: the amounts each milestone represents come from the API. */
export function BillingScheduleSection({ orderId, canWrite }: { orderId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useBillingSchedule(orderId, true);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("orders.schedule.title")}
      </Title>
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ScheduleEditor key={query.data.etag} data={query.data} canWrite={canWrite} onReload={() => void query.refetch()} />
      )}
    </Paper>
  );
}

/** The server names a milestone's value by its mode ("milestones[1].percentage"); the row edits it as "value". */
const toFormPath = (path: string) => path.replace(/\[(\d+)\]/g, ".$1").replace(/\.(percentage|amount)$/i, ".value");

function ScheduleEditor({ data, canWrite, onReload }: { data: VersionedSchedule; canWrite: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveBillingSchedule();
  const { form, submitWith, failure } = useApiForm<{ milestones: MilestoneDraft[] }>({
    initialValues: { milestones: toDrafts(data.value) },
    mapProblem: (error) => renameProblemFields(error, toFormPath),
  });
  const drafts = form.getValues().milestones;
  const schedule = data.value;
  const byId = new Map(schedule.milestones.map((m) => [m.id, m]));
  const setDrafts = (update: (d: MilestoneDraft[]) => MilestoneDraft[]) => form.setFieldValue("milestones", update(form.getValues().milestones));
  const change = (index: number, patch: Partial<MilestoneDraft>) => setDrafts((d) => d.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const errorFor = (index: number, field: "label" | "plannedDate" | "value") => form.errors[`milestones.${index}.${field}`];
  const submit = submitWith(
    save,
    (v) => ({
      orderId: schedule.orderId,
      etag: data.etag,
      milestones: v.milestones.map((m) => {
        const value = m.value === "" ? null : Number(m.value);
        return { id: m.id, label: m.label.trim(), plannedDate: m.plannedDate ?? "", percentage: m.mode === "percentage" ? value : null, amount: m.mode === "amount" ? value : null };
      }),
    }),
    () => notifications.show({ color: "green", message: t("orders.schedule.saved") }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("orders.schedule.title")}>
      {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
      {drafts.length === 0 ? (
        <Text c="dimmed" size="sm" mb="sm">
          {t("orders.schedule.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t("orders.schedule.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("orders.schedule.label")}</Table.Th>
                <Table.Th w={150}>{t("orders.schedule.date")}</Table.Th>
                <Table.Th w={130}>{t("orders.schedule.mode")}</Table.Th>
                <Table.Th w={120}>{t("orders.schedule.value")}</Table.Th>
                <Table.Th ta="right">{t("orders.schedule.planned")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drafts.map((m, index) => {
                const saved = m.id ? byId.get(m.id) : undefined;
                const locked = !canWrite || m.invoiced;
                return (
                  <Table.Tr key={m.key}>
                    <Table.Td>
                      <TextInput aria-label={t("orders.schedule.label")} value={m.label} disabled={locked} onChange={(e) => change(index, { label: e.currentTarget.value })} error={errorFor(index, "label")} />
                    </Table.Td>
                    <Table.Td>
                      <DatePickerInput aria-label={t("orders.schedule.date")} valueFormat="DD/MM/YYYY" value={m.plannedDate} disabled={locked} onChange={(v) => change(index, { plannedDate: v })} error={errorFor(index, "plannedDate")} />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t("orders.schedule.mode")}
                        data={[
                          { value: "percentage", label: t("orders.schedule.percentage") },
                          { value: "amount", label: t("orders.schedule.amount") },
                        ]}
                        allowDeselect={false}
                        value={m.mode}
                        disabled={locked}
                        onChange={(v) => v && change(index, { mode: v as MilestoneDraft["mode"] })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t("orders.schedule.value")}
                        decimalSeparator=","
                        decimalScale={2}
                        hideControls
                        suffix={m.mode === "percentage" ? " %" : " €"}
                        value={m.value}
                        disabled={locked}
                        onChange={(v) => change(index, { value: v })}
                        error={errorFor(index, "value")}
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Text size="sm">{saved ? formatMoney(saved.plannedAmountExcludingVat) : "—"}</Text>
                        {saved?.isLate && !saved.invoiceId && (
                          <Badge color="red" variant="filled" size="sm">
                            {t("orders.schedule.late")}
                          </Badge>
                        )}
                        {saved && !saved.isLate && saved.isDue && !saved.invoiceId && (
                          <Badge color="orange" variant="light" size="sm">
                            {t("orders.schedule.due")}
                          </Badge>
                        )}
                        {saved?.invoiceId && (
                          <Badge color="green" variant="light" size="sm">
                            {t("orders.schedule.invoiced")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {!locked && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("orders.schedule.remove")}
                          onClick={() => setDrafts((d) => d.filter((_, i) => i !== index))}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm">
          {t("orders.schedule.plannedTotal", { amount: formatMoney(schedule.plannedTotalExcludingVat) })} ·{" "}
          <Text span fw={600} data-testid="unplanned">
            {t("orders.schedule.unplanned", { amount: formatMoney(schedule.unplannedExcludingVat) })}
          </Text>
        </Text>
        {canWrite && (
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setDrafts((d) => [...d, { key: crypto.randomUUID(), id: null, label: "", plannedDate: null, mode: "percentage", value: "", invoiced: false }])}
            >
              {t("orders.schedule.add")}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t("orders.schedule.save")}
            </Button>
          </Group>
        )}
      </Group>
      {/* A rule on the whole schedule (the percentages add up to more than 100 %): no row owns it. */}
      {form.errors.milestones && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {form.errors.milestones}
        </Text>
      )}
    </form>
  );
}
