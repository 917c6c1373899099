import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { ProductsTable } from "@/features/products/components/products-table";

export function ProductsListRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!hasPermission(me.data, "products:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader title={t("nav.products")} description={t("modules.products")} />
      <Paper withBorder p="lg">
        <ProductsTable
          canWrite={hasPermission(me.data, "products:write")}
          onOpen={(id) => void navigate(`/products/${id}`)}
          onCreate={() => void navigate("/products/new")}
        />
      </Paper>
    </>
  );
}
