import { Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatPercent } from "@/lib/format-money";
import { type LineDraft, type Product, useVatTreatments } from "./sales-lines-api";

const exemptPrefix = "0|";

/** The value a line's choice is stored under: the rate, or "0|" + the exemption's mention. */
export function vatChoiceValue(line: Pick<LineDraft, "vatRate" | "vatExemptionReason">): string | null {
  if (line.vatRate === "" || line.vatRate === null) return null;
  if (Number(line.vatRate) === 0 && line.vatExemptionReason) return exemptPrefix + line.vatExemptionReason;
  return String(Number(line.vatRate));
}

/**
 * The VAT of a line, chosen among the company's allowed rates and exemptions (each with its article of the CGI), never
 * typed: a 0 % line is always an exemption whose mention the document prints. Empty means "the product's VAT".
 */
export function VatSelect({
  line,
  product,
  label,
  error,
  onChange,
}: {
  line: LineDraft;
  product: Product | null;
  label: string;
  error?: string;
  onChange: (patch: Pick<LineDraft, "vatRate" | "vatExemptionReason">) => void;
}) {
  const { t } = useTranslation();
  const treatments = useVatTreatments();
  const rates = (treatments.data?.rates ?? []).map((r) => ({ value: String(r.rate), label: formatPercent(r.rate), hint: `${r.label} · ${r.legalBasis}` }));
  const exemptions = (treatments.data?.exemptions ?? []).map((e) => ({
    value: exemptPrefix + e.reason,
    label: t("salesLines.exemptOption", { label: e.label }),
    hint: e.legalBasis,
  }));
  const value = vatChoiceValue(line);
  // A saved value the list does not name (a 0 % line saved before its exemption was kept): shown as is, never lost.
  const known = value === null || [...rates, ...exemptions].some((o) => o.value === value);
  const extra = known ? [] : [{ value: value!, label: formatPercent(Number(line.vatRate)), hint: "" }];
  const hints = new Map([...rates, ...exemptions, ...extra].map((o) => [o.value, o.hint]));
  return (
    <Select
      aria-label={label}
      placeholder={product ? formatPercent(product.vatRate) : t("salesLines.vatProductDefault")}
      data={[
        { group: t("salesLines.vatRates"), items: [...rates, ...extra].map(({ value: v, label: l }) => ({ value: v, label: l })) },
        { group: t("salesLines.vatExemptions"), items: exemptions.map(({ value: v, label: l }) => ({ value: v, label: l })) },
      ].filter((g) => g.items.length > 0)}
      value={value}
      clearable
      allowDeselect={false}
      comboboxProps={{ width: 360, position: "bottom-end" }}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {hints.get(option.value) && (
            <Text size="xs" c="dimmed">
              {hints.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      onChange={(v) => {
        if (v === null) onChange({ vatRate: "", vatExemptionReason: null });
        else if (v.startsWith(exemptPrefix)) onChange({ vatRate: 0, vatExemptionReason: v.slice(exemptPrefix.length) });
        else onChange({ vatRate: Number(v), vatExemptionReason: null });
      }}
      error={error}
    />
  );
}
