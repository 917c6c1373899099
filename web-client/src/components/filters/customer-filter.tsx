import { Badge, Center, CloseButton, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "@/api/query";

/**
 * Waits for the name of the customer a list is filtered on (`?customerId=` in its address), so the list's customer
 * picker shows it; renders at once when there is no such filter or the name cannot be read.
 */
export function WithCustomerName({ customerId, children }: { customerId: string | null; children: (name: string | null) => ReactNode }) {
  const query = useApiQuery("/api/v1/customers/{id}", { params: { path: { id: customerId ?? "" } } }, { enabled: !!customerId, retry: false });
  if (customerId && query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  return <>{children(query.data?.name ?? null)}</>;
}

/** Shows that a list without a customer picker is filtered on one customer, with a button to drop the filter. */
export function CustomerFilterChip({ name, onClear }: { name: string | null; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      size="lg"
      rightSection={
        <CloseButton size="xs" aria-label={t("common.clearCustomerFilter")} onClick={onClear} variant="transparent" />
      }
    >
      {t("common.customerFilter", { name: name ?? "…" })}
    </Badge>
  );
}
