import { Badge, Group, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/dates";
import { formatMoney, formatPercent } from "@/lib/format-money";
import { useUnitLabel } from "@/components/sales-lines/sales-lines-api";
import type { BillingLine } from "./billing-api";

const quantityFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 });
const priceFormat = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 4 });

export const isDeduction = (line: BillingLine) => line.deductedInvoiceId !== null;

/**
 * The lines of an invoice or a credit note as the server computed them. A deposit deduction of a balance invoice
 * (a negative line taking back a deposit's base and VAT) is shown as such, never as an ordinary line.
 */
export function BillingLinesTable({
  lines,
  currency = "EUR",
  label,
  extraColumn,
}: {
  lines: BillingLine[];
  currency?: string;
  label?: string;
  extraColumn?: { title: string; render: (line: BillingLine, index: number) => ReactNode };
}) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  if (lines.length === 0) return <Text c="dimmed">{t("salesLines.noLines")}</Text>;
  const columns = extraColumn ? 8 : 7;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped aria-label={label ?? t("salesLines.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("salesLines.description")}</Table.Th>
            <Table.Th ta="right">{t("salesLines.quantity")}</Table.Th>
            <Table.Th>{t("salesLines.unit")}</Table.Th>
            <Table.Th ta="right">{t("salesLines.unitPrice")}</Table.Th>
            <Table.Th ta="right">{t("salesLines.discount")}</Table.Th>
            <Table.Th ta="right">{t("salesLines.vatRate")}</Table.Th>
            <Table.Th ta="right">{t("salesLines.net")}</Table.Th>
            {extraColumn && <Table.Th ta="right">{extraColumn.title}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => {
            if (line.kind === "Title" || line.kind === "Comment") {
              return (
                <Table.Tr key={line.id || index}>
                  <Table.Td colSpan={columns} style={{ whiteSpace: "pre-line" }}>
                    <Text fw={line.kind === "Title" ? 700 : 400} fs={line.kind === "Comment" ? "italic" : undefined} size="sm">
                      {line.description}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            }
            const deduction = isDeduction(line);
            return (
              <Table.Tr key={line.id || index} data-testid={deduction ? "deduction-line" : "billing-line"} c={deduction ? "red.8" : undefined}>
                <Table.Td style={{ whiteSpace: "pre-line" }}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    {deduction && (
                      <Badge size="xs" color="red" variant="light">
                        {t("billing.deduction")}
                      </Badge>
                    )}
                    <Text size="sm" fs={deduction ? "italic" : undefined}>
                      {line.description}
                    </Text>
                  </Group>
                  {deduction && (
                    <Text size="xs" c="dimmed">
                      {t("billing.deductedVat", { amount: formatMoney(line.deductedVat, currency) })}
                    </Text>
                  )}
                  {line.servicePeriod && (
                    <Text size="xs" c="dimmed" data-testid="service-period">
                      {t("billing.servicePeriod", { start: formatDate(line.servicePeriod.start), end: formatDate(line.servicePeriod.end) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{quantityFormat.format(line.quantity)}</Table.Td>
                <Table.Td>{unitLabel(line.unitCode)}</Table.Td>
                <Table.Td ta="right">{priceFormat.format(line.unitPrice)}</Table.Td>
                <Table.Td ta="right">{line.discountPercent ? formatPercent(line.discountPercent) : ""}</Table.Td>
                <Table.Td ta="right">{formatPercent(line.vatRate)}</Table.Td>
                <Table.Td ta="right" data-testid={`billing-line-${index}-net`}>
                  {formatMoney(line.netAmount, currency)}
                </Table.Td>
                {extraColumn && <Table.Td ta="right">{extraColumn.render(line, index)}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
