import { Badge, Button, Group, Select, Skeleton, Switch, Table, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconArrowDown, IconArrowUp, IconFileImport, IconPlus, IconSearch, IconSelector } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { type CustomerKind, type CustomerVatRegime, customerKinds, customerVatRegimes, useCustomers } from "../api/customers";
import { ImportCustomersModal } from "./import-customers-modal";

export function CustomersTable({
  canWrite,
  onOpen,
  onCreate,
}: {
  canWrite: boolean;
  onOpen: (id: string) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 300);
  const [kind, setKind] = useState<CustomerKind | null>(null);
  const [vatRegime, setVatRegime] = useState<CustomerVatRegime | null>(null);
  const [archived, setArchived] = useState(false);
  const [sort, setSort] = useState("name");
  const [importing, setImporting] = useState(false);
  const query = useCustomers({ search: debounced.trim(), kind, vatRegime, archived, sort });
  const customers = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = debounced.trim() !== "" || kind !== null || vatRegime !== null || archived;

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-end">
        <Group align="flex-end">
          <TextInput
            aria-label={t("customers.search")}
            placeholder={t("customers.search")}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={320}
          />
          <Select
            aria-label={t("customers.kind")}
            placeholder={t("customers.allKinds")}
            data={customerKinds.map((k) => ({ value: k, label: t(`customerKinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v as CustomerKind | null)}
            clearable
            w={170}
          />
          <Select
            aria-label={t("customers.vatRegime")}
            placeholder={t("customers.allVatRegimes")}
            data={customerVatRegimes.map((r) => ({ value: r, label: t(`vatRegimes.${r}`) }))}
            value={vatRegime}
            onChange={(v) => setVatRegime(v as CustomerVatRegime | null)}
            clearable
            w={200}
          />
          <Switch label={t("customers.showArchived")} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} mb={8} />
        </Group>
        {canWrite && (
          <Group>
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t("imports.button")}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
              {t("customers.create")}
            </Button>
          </Group>
        )}
      </Group>

      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : customers.length === 0 ? (
        <EmptyState
          title={filtered ? t("customers.emptySearch") : t("customers.empty")}
          description={filtered ? undefined : t("customers.emptyHelp")}
          action={
            canWrite && !filtered ? (
              <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
                {t("customers.create")}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t("nav.customers")}>
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="name" sort={sort} onSort={setSort}>
                  {t("customers.name")}
                </SortableTh>
                <Table.Th>{t("customers.kind")}</Table.Th>
                <Table.Th>{t("customers.city")}</Table.Th>
                <Table.Th>{t("customers.siren")}</Table.Th>
                <Table.Th>{t("customers.billingContact")}</Table.Th>
                <SortableTh column="accountingCode" sort={sort} onSort={setSort}>
                  {t("customers.accountingCode")}
                </SortableTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((c) => (
                <Table.Tr key={c.id} onClick={() => onOpen(c.id)} style={{ cursor: "pointer" }}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <UnstyledButton
                        fw={500}
                        onClick={(e) => {
                          e.stopPropagation();
                          onOpen(c.id);
                        }}
                      >
                        {c.name}
                      </UnstyledButton>
                      {c.isArchived && (
                        <Badge color="gray" variant="light" size="sm">
                          {t("customers.archived")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`customerKinds.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    {c.city}
                    {c.countryCode !== "FR" && (
                      <Text span c="dimmed" size="sm">
                        {c.city ? " · " : ""}
                        {c.countryCode}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.siren}</Table.Td>
                  <Table.Td>
                    {c.billingContactName}
                    {c.billingContactEmail && (
                      <Text size="xs" c="dimmed">
                        {c.billingContactEmail}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace">{c.accountingCode}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />

      {canWrite && <ImportCustomersModal opened={importing} onClose={() => setImporting(false)} />}
    </>
  );
}

/** A column header that sorts ascending, then descending; aria-sort tells assistive technology the state. */
function SortableTh({ column, sort, onSort, children }: { column: string; sort: string; onSort: (sort: string) => void; children: string }) {
  const active = sort === column || sort === `-${column}`;
  const descending = sort === `-${column}`;
  const Icon = !active ? IconSelector : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <UnstyledButton onClick={() => onSort(active && !descending ? `-${column}` : column)}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {children}
          </Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
