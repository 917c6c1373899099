import { ActionIcon, Alert, Button, Group, NumberInput, Select, Stack, Table, Text, Textarea } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import type { UseFormReturnType } from "@mantine/form";
import { type KeyboardEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney } from "@/lib/format-money";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { ProductPicker, productLabel } from "./product-picker";
import {
  emptyLine,
  isPriced,
  type LineDraft,
  type LineKind,
  type LinesValues,
  lineKinds,
  type Product,
  previewableLines,
  splitLineErrors,
  useUnitCodes,
  usePreviewTotals,
} from "./sales-lines-api";
import { TotalsPanel } from "./totals-panel";
import { VatSelect } from "./vat-select";

const priceFormat = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const decimal = { decimalSeparator: ",", hideControls: true } as const;

/**
 * The lines of a quote or an order being edited. Every amount (line nets, VAT per rate, totals) comes from
 * POST /orders/preview, called 300 ms after the last keystroke: the browser never adds anything up.
 *
 * The lines live in the host's `useApiForm` (its values hold `lines`): every edit goes through the form (so a cell's
 * error clears when it changes), and the save's problem lands on the cells as `lines.<i>.<field>` (or `lines.<i>` for
 * the line as a whole) like any other field of the form.
 */
export function LineEditor<Values extends LinesValues>({
  form: hostForm,
  customerId,
  currency = "EUR",
}: {
  form: UseFormReturnType<Values>;
  customerId: string | null;
  currency?: string;
}) {
  const form = hostForm as unknown as UseFormReturnType<LinesValues>;
  const lines = form.getValues().lines;
  const { t } = useTranslation();
  const units = useUnitCodes();
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const payload = useMemo(() => JSON.stringify({ customerId, ...previewableLines(lines) }), [customerId, lines]);
  const [debounced] = useDebouncedValue(payload, 300);
  const sent = useMemo(
    () => JSON.parse(debounced) as { customerId: string | null } & ReturnType<typeof previewableLines>,
    [debounced],
  );
  const preview = usePreviewTotals(sent.customerId, sent.requests, true);
  const previewErrors = preview.isError ? splitLineErrors(preview.error, sent.indexes) : null;
  const netByIndex = new Map<number, number>();
  if (preview.data && !preview.isPlaceholderData) {
    preview.data.lines.forEach((line, j) => {
      const index = sent.indexes[j];
      if (index !== undefined) netByIndex.set(index, line.netAmount);
    });
  }
  const formError = (path: string) => {
    const error = form.errors[path];
    return error === undefined || error === null ? undefined : String(error);
  };
  const cellError = (index: number, field: string) =>
    (field === "line" ? formError(`lines.${index}`) : formError(`lines.${index}.${field}`)) ?? previewErrors?.lines[`lines[${index}].${field}`];

  const unitOptions = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.label} (${u.code})` }));
  const unitLabel = (code: string | null | undefined) => units.data?.find((u) => u.code === code)?.label ?? code ?? "";

  /** Field by field, so the error of each changed cell (and of the line as a whole) is cleared. */
  function update(index: number, patch: Partial<LineDraft>) {
    for (const [field, value] of Object.entries(patch)) form.setFieldValue(`lines.${index}.${field}`, value);
    form.clearFieldError(`lines.${index}`);
  }
  function add(kind: LineKind = "Product") {
    const line = emptyLine(kind);
    setFocusKey(line.key);
    form.insertListItem("lines", line);
  }
  function remove(index: number) {
    form.removeListItem("lines", index);
  }
  function move(index: number, delta: number) {
    const target = index + delta;
    if (target < 0 || target >= lines.length) return;
    form.reorderListItem("lines", { from: index, to: target });
  }
  function pickProduct(index: number, product: Product | null) {
    update(index, { productId: product?.id ?? null, product, productLabel: product ? productLabel(product) : null });
  }
  function changeKind(index: number, kind: LineKind) {
    const line = lines[index]!;
    update(index, {
      kind,
      productId: kind === "Product" ? line.productId : null,
      product: kind === "Product" ? line.product : null,
      productLabel: kind === "Product" ? line.productLabel : null,
      quantity: isPriced(kind) ? (line.quantity === "" ? 1 : line.quantity) : "",
    });
  }
  /** Enter in a number cell of the last row adds a line (Shift+Enter stays in the description), never submits. */
  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    const target = event.target as HTMLElement;
    if (event.key !== "Enter" || target.dataset.lineEnter !== "true") return;
    // Never the host form's submission: Enter in a number cell adds a line on the last row, else does nothing.
    event.preventDefault();
    if (index === lines.length - 1) add();
  }

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={1180}>
        <Table verticalSpacing={4} aria-label={t("salesLines.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t("salesLines.kind")}</Table.Th>
              <Table.Th>{t("salesLines.productAndDescription")}</Table.Th>
              <Table.Th w={90}>{t("salesLines.quantity")}</Table.Th>
              <Table.Th w={130}>{t("salesLines.unit")}</Table.Th>
              <Table.Th w={110}>{t("salesLines.unitPrice")}</Table.Th>
              <Table.Th w={80}>{t("salesLines.discount")}</Table.Th>
              <Table.Th w={150}>{t("salesLines.vatRate")}</Table.Th>
              <Table.Th w={110} ta="right">
                {t("salesLines.net")}
              </Table.Th>
              <Table.Th w={100} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const n = index + 1;
              const priced = isPriced(line.kind);
              const product = line.product;
              const lineError = cellError(index, "line");
              return (
                <Table.Tr key={line.key} onKeyDown={(e) => onKeyDown(e, index)} data-testid={`line-${index}`} style={{ verticalAlign: "top" }}>
                  <Table.Td>
                    <Select
                      aria-label={t("salesLines.kindOf", { n })}
                      data={lineKinds.map((k) => ({ value: k, label: t(`salesLines.kinds.${k}`) }))}
                      value={line.kind}
                      allowDeselect={false}
                      onChange={(v) => v && changeKind(index, v as LineKind)}
                      error={cellError(index, "kind")}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {line.kind === "Product" && (
                        <ProductPicker
                          ariaLabel={t("salesLines.productOf", { n })}
                          value={line.productId}
                          label={line.productLabel}
                          onChange={(p) => pickProduct(index, p)}
                          error={cellError(index, "productId")}
                          autoFocus={focusKey === line.key}
                        />
                      )}
                      <Textarea
                        aria-label={t("salesLines.descriptionOf", { n })}
                        resize="vertical"
                        value={line.description}
                        placeholder={
                          product ? (product.description ? `${product.name}\n${product.description}` : product.name) : t(`salesLines.descriptionPlaceholder.${line.kind}`)
                        }
                        onChange={(e) => update(index, { description: e.currentTarget.value })}
                        error={cellError(index, "description")}
                        autoFocus={focusKey === line.key && line.kind !== "Product"}
                      />
                      {lineError && (
                        <Text c="red" size="xs">
                          {lineError}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  {priced ? (
                    <>
                      <Table.Td>
                        <NumberInput
                          {...decimal}
                          aria-label={t("salesLines.quantityOf", { n })}
                          decimalScale={3}
                          value={line.quantity}
                          onChange={(v) => update(index, { quantity: v })}
                          error={cellError(index, "quantity")}
                          data-line-enter="true"
                        />
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t("salesLines.unitOf", { n })}
                          data={unitOptions}
                          value={line.unitCode}
                          searchable
                          clearable
                          placeholder={product ? unitLabel(product.unitCode) : undefined}
                          onChange={(v) => update(index, { unitCode: v })}
                          error={cellError(index, "unitCode")}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          {...decimal}
                          aria-label={t("salesLines.unitPriceOf", { n })}
                          decimalScale={4}
                          value={line.unitPrice}
                          placeholder={product ? priceFormat.format(product.unitPrice) : undefined}
                          onChange={(v) => update(index, { unitPrice: v })}
                          error={cellError(index, "unitPrice")}
                          data-line-enter="true"
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          {...decimal}
                          aria-label={t("salesLines.discountOf", { n })}
                          decimalScale={2}
                          min={0}
                          max={100}
                          placeholder="0"
                          value={line.discountPercent}
                          onChange={(v) => update(index, { discountPercent: v })}
                          error={cellError(index, "discountPercent")}
                          data-line-enter="true"
                        />
                      </Table.Td>
                      <Table.Td>
                        <VatSelect
                          line={line}
                          product={product}
                          label={t("salesLines.vatRateOf", { n })}
                          onChange={(patch) => update(index, patch)}
                          error={cellError(index, "vatRate") ?? cellError(index, "vatExemptionReason")}
                        />
                      </Table.Td>
                      <Table.Td ta="right" data-testid={`line-${index}-net`}>
                        <Text size="sm" pt={6}>
                          {netByIndex.has(index) ? formatMoney(netByIndex.get(index), currency) : "…"}
                        </Text>
                      </Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={6} />
                  )}
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t("salesLines.moveUp", { n })} disabled={index === 0} onClick={() => move(index, -1)}>
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("salesLines.moveDown", { n })}
                        disabled={index === lines.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t("salesLines.remove", { n })} onClick={() => remove(index)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {lines.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("salesLines.noLines")}
        </Text>
      )}
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => add("Product")}>
            {t("salesLines.add")}
          </Button>
          <Button variant="subtle" size="compact-sm" onClick={() => add("Title")}>
            {t("salesLines.addTitle")}
          </Button>
          <Button variant="subtle" size="compact-sm" onClick={() => add("Comment")}>
            {t("salesLines.addComment")}
          </Button>
        </Group>
        <Stack gap="xs">
          {preview.isError && previewErrors && Object.keys(previewErrors.lines).length === 0 && <ProblemAlert error={preview.error} />}
          <TotalsPanel
            totals={sent.requests.length > 0 && customerId ? preview.data?.totals : null}
            currency={currency}
            computing={preview.isFetching || payload !== debounced}
          />
          {sent.requests.length > 0 && customerId && (preview.data?.totals.totalIncludingVat ?? 0) < 0 && (
            <Alert color="orange" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="negative-total" maw={360}>
              {t("salesLines.negativeTotal")}
            </Alert>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
