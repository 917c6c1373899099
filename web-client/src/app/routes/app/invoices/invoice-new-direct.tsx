import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { DirectInvoiceForm } from "@/features/invoices/components/direct-invoice-form";

export function InvoiceNewDirectRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const customerId = params.get("customerId");
  if (!hasPermission(me.data, "invoices:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/invoices" size="sm" mb="sm" display="inline-block">
        ← {t("invoices.backToList")}
      </Anchor>
      <PageHeader title={t("invoices.newDirect")} />
      <DirectInvoiceForm
        defaults={customerId ? { customerId, customerName: params.get("customerName") } : undefined}
        onCreated={(invoice) => void navigate(`/invoices/${invoice.id}`, { replace: true })}
      />
    </>
  );
}
