import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Product, useProductSearch } from "./sales-lines-api";

export const productLabel = (p: Pick<Product, "code" | "name">) => `${p.code} — ${p.name}`;

/** Picks a product for sale by code or name; the search runs on the server. */
export function ProductPicker({
  value,
  label,
  onChange,
  error,
  disabled,
  autoFocus,
  ariaLabel,
}: {
  value: string | null;
  /** The label of the product already chosen. */
  label: string | null;
  onChange: (product: Product | null) => void;
  error?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  ariaLabel: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(label ?? "");
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search, 250);
  // Searching for the label of the product already chosen would find nothing: list everything then.
  const term = value && debounced === label ? "" : debounced.trim();
  const query = useProductSearch(term, opened);
  const products = query.data?.items ?? [];
  const data = products.map((p) => ({ value: p.id, label: productLabel(p) }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: label ?? value });

  return (
    <Select
      aria-label={ariaLabel}
      placeholder={t("salesLines.pickProduct")}
      searchable
      clearable
      data={data}
      value={value}
      // The server already filtered by code or name.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      nothingFoundMessage={query.isFetching ? t("common.loading") : t("salesLines.noProduct")}
      onChange={(id) => onChange(id ? (products.find((p) => p.id === id) ?? null) : null)}
      error={error}
      disabled={disabled}
      autoFocus={autoFocus}
      miw={220}
    />
  );
}
