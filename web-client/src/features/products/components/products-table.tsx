import { Badge, Button, Group, Select, Skeleton, Switch, Table, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconArrowDown, IconArrowUp, IconFileImport, IconPlus, IconSearch, IconSelector } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { type ProductNature, productNatures, useProducts } from "../api/products";
import { ImportProductsModal } from "./import-products-modal";
import { formatUnitPrice, formatVatRate } from "./product-format";

export function ProductsTable({ canWrite, onOpen, onCreate }: { canWrite: boolean; onOpen: (id: string) => void; onCreate: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 300);
  const [nature, setNature] = useState<ProductNature | null>(null);
  const [forSale, setForSale] = useState(false);
  const [deliverable, setDeliverable] = useState(false);
  const [isContract, setIsContract] = useState(false);
  const [archived, setArchived] = useState(false);
  const [sort, setSort] = useState("code");
  const [importing, setImporting] = useState(false);
  const query = useProducts({ search: debounced.trim(), nature, forSale, deliverable, isContract, archived, sort });
  const products = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = debounced.trim() !== "" || nature !== null || forSale || deliverable || isContract || archived;

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-end">
        <Group align="flex-end">
          <TextInput
            aria-label={t("products.search")}
            placeholder={t("products.search")}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={280}
          />
          <Select
            aria-label={t("products.nature")}
            placeholder={t("products.allNatures")}
            data={productNatures.map((n) => ({ value: n, label: t(`productNatures.${n}`) }))}
            value={nature}
            onChange={(v) => setNature(v as ProductNature | null)}
            clearable
            w={150}
          />
          <Group gap="md" mb={8}>
            <Switch label={t("products.forSale")} checked={forSale} onChange={(e) => setForSale(e.currentTarget.checked)} />
            <Switch label={t("products.deliverable")} checked={deliverable} onChange={(e) => setDeliverable(e.currentTarget.checked)} />
            <Switch label={t("products.isContract")} checked={isContract} onChange={(e) => setIsContract(e.currentTarget.checked)} />
            <Switch label={t("products.showArchived")} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
          </Group>
        </Group>
        {canWrite && (
          <Group>
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              {t("imports.button")}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
              {t("products.create")}
            </Button>
          </Group>
        )}
      </Group>

      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : products.length === 0 ? (
        <EmptyState
          title={filtered ? t("products.emptySearch") : t("products.empty")}
          description={filtered ? undefined : t("products.emptyHelp")}
          action={
            canWrite && !filtered ? (
              <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
                {t("products.create")}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t("nav.products")}>
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="code" sort={sort} onSort={setSort}>
                  {t("products.code")}
                </SortableTh>
                <SortableTh column="name" sort={sort} onSort={setSort}>
                  {t("products.name")}
                </SortableTh>
                <Table.Th>{t("products.nature")}</Table.Th>
                <SortableTh column="unitPrice" sort={sort} onSort={setSort} align="right">
                  {t("products.unitPrice")}
                </SortableTh>
                <Table.Th>{t("products.unit")}</Table.Th>
                <Table.Th ta="right">{t("products.vatRate")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((p) => (
                <Table.Tr key={p.id} onClick={() => onOpen(p.id)} style={{ cursor: "pointer" }}>
                  <Table.Td ff="monospace">{p.code}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <UnstyledButton
                        fw={500}
                        onClick={(e) => {
                          e.stopPropagation();
                          onOpen(p.id);
                        }}
                      >
                        {p.name}
                      </UnstyledButton>
                      {p.isContract && (
                        <Badge size="sm" variant="light" color="violet">
                          {t("products.isContract")}
                        </Badge>
                      )}
                      {!p.forSale && (
                        <Badge size="sm" variant="light" color="gray">
                          {t("products.notForSale")}
                        </Badge>
                      )}
                      {p.isArchived && (
                        <Badge size="sm" variant="light" color="gray">
                          {t("products.archived")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`productNatures.${p.nature}`)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatUnitPrice(p.unitPrice)}
                  </Table.Td>
                  <Table.Td>{p.unitLabel}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatVatRate(p.vatRate)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />

      {canWrite && <ImportProductsModal opened={importing} onClose={() => setImporting(false)} />}
    </>
  );
}

function SortableTh({
  column,
  sort,
  onSort,
  align,
  children,
}: {
  column: string;
  sort: string;
  onSort: (sort: string) => void;
  align?: "right";
  children: string;
}) {
  const active = sort === column || sort === `-${column}`;
  const descending = sort === `-${column}`;
  const Icon = !active ? IconSelector : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (descending ? "descending" : "ascending") : "none"} ta={align}>
      <UnstyledButton onClick={() => onSort(active && !descending ? `-${column}` : column)}>
        <Group gap={4} wrap="nowrap" justify={align === "right" ? "flex-end" : undefined}>
          <Text fw={700} size="sm">
            {children}
          </Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
