import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney, formatPercent } from "@/lib/format-money";
import { isPriced, type SalesLineResponse, useUnitLabel } from "./sales-lines-api";

const quantityFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 });
const priceFormat = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** The lines of a sent quote or a validated order, as saved. */
export function SalesLinesTable({ lines, currency = "EUR", extraColumn }: {
  lines: SalesLineResponse[];
  currency?: string;
  /** e.g. "left to invoice" per line on an order. */
  extraColumn?: { title: string; render: (line: SalesLineResponse) => ReactNode };
}) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  if (lines.length === 0) return <Text c="dimmed">{t("salesLines.noLines")}</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped aria-label={t("salesLines.title")}>
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
          {lines.map((line) =>
            isPriced(line.kind) ? (
              <Table.Tr key={line.id}>
                <Table.Td style={{ whiteSpace: "pre-line" }}>{line.description}</Table.Td>
                <Table.Td ta="right">{quantityFormat.format(line.quantity)}</Table.Td>
                <Table.Td>{unitLabel(line.unitCode)}</Table.Td>
                <Table.Td ta="right">{priceFormat.format(line.unitPrice)}</Table.Td>
                <Table.Td ta="right">{line.discountPercent ? formatPercent(line.discountPercent) : ""}</Table.Td>
                <Table.Td ta="right">{formatPercent(line.vatRate)}</Table.Td>
                <Table.Td ta="right">{formatMoney(line.netAmount, currency)}</Table.Td>
                {extraColumn && <Table.Td ta="right">{extraColumn.render(line)}</Table.Td>}
              </Table.Tr>
            ) : (
              <Table.Tr key={line.id}>
                <Table.Td colSpan={extraColumn ? 8 : 7} style={{ whiteSpace: "pre-line" }}>
                  <Text fw={line.kind === "Title" ? 700 : 400} fs={line.kind === "Comment" ? "italic" : undefined} size="sm">
                    {line.description}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
