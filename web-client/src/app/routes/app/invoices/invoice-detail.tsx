import { Anchor, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { useInvoice } from "@/features/invoices/api/invoices";
import { InvoicePage } from "@/features/invoices/components/invoice-page";
import { InvoiceReceivablePanel } from "@/features/payments/components/invoice-receivable-panel";
import { InvoiceRemindersPanel } from "@/features/reminders/components/invoice-reminders-panel";

export function InvoiceDetailRoute() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const query = useInvoice(id);
  if (!hasPermission(me.data, "invoices:read")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/invoices" size="sm" mb="sm" display="inline-block">
        ← {t("invoices.backToList")}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <InvoicePage
          // Validating freezes the invoice: start again from the new state.
          key={`${query.data.value.id}-${query.data.value.status}`}
          data={query.data}
          canWrite={hasPermission(me.data, "invoices:write")}
          canWriteCreditNotes={hasPermission(me.data, "credit-notes:write")}
          onDeleted={() => void navigate("/invoices", { replace: true })}
          receivables={
            hasPermission(me.data, "payments:read") && (
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <InvoiceReceivablePanel invoice={query.data.value} canWrite={hasPermission(me.data, "payments:write")} />
                {hasPermission(me.data, "receivables:read") && (
                  <InvoiceRemindersPanel
                    invoiceId={query.data.value.id}
                    overdue={query.data.value.isOverdue}
                    canWrite={hasPermission(me.data, "receivables:write")}
                  />
                )}
              </SimpleGrid>
            )
          }
        />
      )}
    </>
  );
}
