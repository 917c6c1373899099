import { Anchor, Badge, Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useProduct } from "@/features/products/api/products";
import { ProductActions } from "@/features/products/components/product-actions";
import { ProductForm } from "@/features/products/components/product-form";

/** The product's page: its form (read-only without products:write) with archive and delete. */
export function ProductDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useProduct(id);
  if (!hasPermission(me.data, "products:read")) return <EmptyState title={t("errors.forbidden")} />;
  const canWrite = hasPermission(me.data, "products:write");
  return (
    <>
      <Anchor component={Link} to="/products" size="sm" mb="sm" display="inline-block">
        ← {t("products.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <PageHeader
            title={query.data.value.name}
            description={query.data.value.code}
            actions={
              <Group>
                {query.data.value.isArchived && (
                  <Badge color="gray" variant="filled">
                    {t("products.archived")}
                  </Badge>
                )}
                {canWrite && <ProductActions product={query.data.value} onDeleted={() => void navigate("/products", { replace: true })} />}
              </Group>
            }
          />
          <Paper withBorder p="lg">
            {!canWrite && (
              <Text c="dimmed" size="sm" mb="md" data-testid="read-only-notice">
                {t("products.readOnly")}
              </Text>
            )}
            <ProductForm
              // Archiving moves the version: the form starts again from it. Other background refetches keep
              // the ETag the form was opened with, so a concurrent save elsewhere still answers 412.
              key={`${query.data.value.id}-${query.data.value.isArchived}`}
              initial={query.data}
              readOnly={!canWrite}
              onSaved={() => undefined}
              onCancel={() => void navigate("/products")}
              onReload={async () => (await query.refetch()).data}
            />
          </Paper>
        </>
      )}
    </>
  );
}
