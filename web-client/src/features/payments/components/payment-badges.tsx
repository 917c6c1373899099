import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PaymentState } from "../api/payments";

export { PaymentStatusBadge } from "@/components/receivables/payment-badges";

export function PaymentStateBadge({ state }: { state: PaymentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={state === "Active" ? "green" : "gray"} variant={state === "Active" ? "light" : "outline"} data-testid="payment-state">
      {t(`payments.states.${state}`)}
    </Badge>
  );
}

export function UnidentifiedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" data-testid="unidentified-badge">
      {t("payments.unidentified")}
    </Badge>
  );
}
