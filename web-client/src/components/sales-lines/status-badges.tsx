import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];

const quoteColors: Record<Schemas["QuoteStatus"], string> = { Draft: "gray", Sent: "blue", Accepted: "green", Refused: "red" };
const orderColors: Record<Schemas["OrderStatus"], string> = { Draft: "gray", InProgress: "blue", Closed: "green", Cancelled: "red" };
const stageColors: Record<Schemas["OpportunityStage"], string> = { Open: "blue", Won: "green", Lost: "red" };

/** "Expiré" is derived by the API (sent and past its validity date), never stored. */
export function QuoteStatusBadge({ status, isExpired }: { status: Schemas["QuoteStatus"]; isExpired: boolean }) {
  const { t } = useTranslation();
  if (isExpired) return <Badge color="orange" variant="light">{t("quotes.expired")}</Badge>;
  return <Badge color={quoteColors[status]} variant="light">{t(`quotes.statuses.${status}`)}</Badge>;
}

/** `leftToInvoice` (excluding VAT, from the API's ledger): an order in progress with nothing left is shown as invoiced. */
export function OrderStatusBadge({ status, leftToInvoice }: { status: Schemas["OrderStatus"]; leftToInvoice?: number | null }) {
  const { t } = useTranslation();
  if (status === "InProgress" && leftToInvoice === 0)
    return (
      <Badge color="teal" variant="light" data-testid="order-status">
        {t("orders.statuses.FullyInvoiced")}
      </Badge>
    );
  return <Badge color={orderColors[status]} variant="light" data-testid="order-status">{t(`orders.statuses.${status}`)}</Badge>;
}

export function OpportunityStageBadge({ stage }: { stage: Schemas["OpportunityStage"] }) {
  const { t } = useTranslation();
  return <Badge color={stageColors[stage]} variant="light">{t(`opportunities.stages.${stage}`)}</Badge>;
}
