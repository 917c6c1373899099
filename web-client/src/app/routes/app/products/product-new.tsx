import { Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { ProductForm } from "@/features/products/components/product-form";

export function ProductNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!hasPermission(me.data, "products:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <PageHeader title={t("products.create")} />
      <Paper withBorder p="lg">
        <ProductForm
          initial={null}
          readOnly={false}
          onSaved={(product) => void navigate(`/products/${product.id}`, { replace: true })}
          onCancel={() => void navigate("/products")}
        />
      </Paper>
    </>
  );
}
