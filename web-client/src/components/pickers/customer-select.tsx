import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "@/api/query";

/** Picks an active customer; the search (name, accounting code, SIREN) runs on the server. */
export function CustomerSelect({
  value,
  valueLabel,
  onChange,
  label,
  error,
  disabled,
  required,
}: {
  value: string | null;
  /** The name of the customer already chosen (from the document), shown before any search. */
  valueLabel: string | null;
  onChange: (id: string | null, name: string | null) => void;
  label: string;
  error?: string;
  disabled?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(valueLabel ?? "");
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search, 250);
  const term = value && debounced === valueLabel ? "" : debounced.trim();
  const query = useApiQuery(
    "/api/v1/customers",
    { params: { query: { search: term || undefined, limit: 20 } } },
    { enabled: opened, placeholderData: keepPreviousData },
  );
  // While the typed text is not searched yet (debounce) or its answer is not back, the list on screen answers an
  // older search: it is not offered, so Enter cannot pick a customer that does not match what was typed.
  const current = search === debounced && !query.isPlaceholderData;
  const customers = current ? (query.data?.items ?? []) : [];
  const data = customers.map((c) => ({ value: c.id, label: c.name }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: valueLabel ?? value });

  return (
    <Select
      label={label}
      required={required}
      searchable
      data={data}
      value={value}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      nothingFoundMessage={!current || query.isFetching ? t("common.loading") : t("salesLines.noCustomer")}
      onChange={(id) => onChange(id, customers.find((c) => c.id === id)?.name ?? null)}
      error={error}
      disabled={disabled}
    />
  );
}
