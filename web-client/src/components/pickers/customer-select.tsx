import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchClient } from "@/api/client";
import { unwrap } from "@/api/problem";

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
  const query = useQuery({
    queryKey: ["get", "/api/v1/customers", { params: { query: { search: term, limit: 20 } } }],
    enabled: opened,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await fetchClient.GET("/api/v1/customers", { params: { query: { search: term || undefined, limit: 20 } }, signal })),
  });
  const customers = query.data?.items ?? [];
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
      nothingFoundMessage={query.isFetching ? t("common.loading") : t("salesLines.noCustomer")}
      onChange={(id) => onChange(id, customers.find((c) => c.id === id)?.name ?? null)}
      error={error}
      disabled={disabled}
    />
  );
}
