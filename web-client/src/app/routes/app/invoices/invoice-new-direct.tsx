import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { DirectInvoiceForm } from "@/features/invoices/components/direct-invoice-form";

export function InvoiceNewDirectRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!hasPermission(me.data, "invoices:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/invoices" size="sm" mb="sm" display="inline-block">
        ← {t("invoices.backToList")}
      </Anchor>
      <PageHeader title={t("invoices.newDirect")} />
      <DirectInvoiceForm onCreated={(invoice) => void navigate(`/invoices/${invoice.id}`, { replace: true })} />
    </>
  );
}
