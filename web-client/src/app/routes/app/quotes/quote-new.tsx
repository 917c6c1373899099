import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { hasPermission, useMe } from "@/features/auth/api/get-me";
import { QuoteEditor } from "@/features/quotes/components/quote-editor";

/** A new draft quote; ?customerId=&customerName=&opportunityId= pre-fill it (from an opportunity). */
export function QuoteNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (!hasPermission(me.data, "quotes:write")) return <EmptyState title={t("errors.forbidden")} />;
  return (
    <>
      <Anchor component={Link} to="/quotes" size="sm" mb="sm" display="inline-block">
        ← {t("quotes.backToList")}
      </Anchor>
      <QuoteEditor
        initial={null}
        defaults={{
          customerId: params.get("customerId"),
          customerName: params.get("customerName"),
          opportunityId: params.get("opportunityId"),
        }}
        canWrite
        canWriteOrders={hasPermission(me.data, "orders:write")}
        onCreated={(id) => void navigate(`/quotes/${id}`, { replace: true })}
        onDeleted={() => void navigate("/quotes")}
        onOpen={(path) => void navigate(path)}
      />
    </>
  );
}
