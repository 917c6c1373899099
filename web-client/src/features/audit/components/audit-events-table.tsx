import { Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { useBankAccountLabel } from "@/components/receivables/receivables-api";
import { useUnitLabel } from "@/components/sales-lines/sales-lines-api";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDateTime } from "@/lib/dates";
import { type AuditEvent, useAuditEvents } from "../api/audit-events";
import { fieldChanges } from "../audit-changes";

const shownChanges = 8;
const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 });

/** "lines[2].unitPrice" → "Ligne 3 › Prix unitaire": each segment named in the UI's language (its own name if unknown). */
function fieldLabel(t: TFunction, path: string): string {
  return path
    .split(".")
    .map((segment) => {
      const match = /^(\w+)((?:\[\d+\])*)$/.exec(segment);
      const name = match?.[1] ?? segment;
      const indexes = [...(match?.[2] ?? "").matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
      return [t(`audit.fields.${name}`, { defaultValue: name }), ...indexes].join(" ");
    })
    .join(" › ");
}

const enumValue = /^[A-Z][A-Za-z0-9]*$/;

function valueLabel(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("audit.empty");
  if (typeof value === "boolean") return value ? t("audit.yes") : t("audit.no");
  if (typeof value === "number") return numberFormat.format(value);
  // an enumeration's value ("BankTransfer", "Deposit") is shown by its label; any other text as typed
  if (typeof value === "string") return enumValue.test(value) ? t(`audit.values.${value}`, { defaultValue: value }) : value;
  return JSON.stringify(value);
}

/** Who changed what: one line per field, "Prix unitaire : 65 → 70"; never the raw snapshots. */
function Change({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  const bankAccountLabel = useBankAccountLabel();
  const changes = fieldChanges(event.before, event.after);
  if (changes.length === 0) return <Text c="dimmed" size="sm">—</Text>;
  /** A code the user knows by its name: "HUR" → "heure", "BANK" → the account's label. */
  const named = (path: string, value: unknown) => {
    if (typeof value !== "string") return value;
    const leaf = path.split(".").pop()!.replace(/\[\d+\]/g, "");
    return leaf === "unitCode" ? unitLabel(value) : leaf === "bankAccountCode" ? bankAccountLabel(value) : value;
  };
  return (
    <Stack gap={2} data-testid="audit-change">
      {changes.slice(0, shownChanges).map((c) => {
        const values = { field: fieldLabel(t, c.path), before: valueLabel(t, named(c.path, c.before)), after: valueLabel(t, named(c.path, c.after)) };
        const key = event.before == null ? "audit.set" : event.after == null ? "audit.removed" : "audit.changedFrom";
        return (
          <Text key={c.path} size="sm">
            {t(key, values)}
          </Text>
        );
      })}
      {changes.length > shownChanges && (
        <Text size="xs" c="dimmed">
          {t("audit.more", { count: changes.length - shownChanges })}
        </Text>
      )}
    </Stack>
  );
}

export function AuditEventsTable() {
  const { t } = useTranslation();
  const query = useAuditEvents();
  const events = query.data?.pages.flatMap((p) => p.items) ?? [];

  if (query.isPending) return <Skeleton height={200} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (events.length === 0) return <EmptyState icon={<IconHistory size={28} />} title={t("audit.empty")} />;

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("audit.occurredAt")}</Table.Th>
              <Table.Th>{t("audit.actor")}</Table.Th>
              <Table.Th>{t("audit.action")}</Table.Th>
              <Table.Th>{t("audit.change")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.occurredAt)}</Table.Td>
                <Table.Td>{e.actorName ?? t("audit.system")}</Table.Td>
                <Table.Td>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Table.Td>
                <Table.Td>
                  <Change event={e} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />
    </>
  );
}
