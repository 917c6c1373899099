import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BillingStatus, InvoiceKind } from "./billing-api";

export function BillingStatusBadge({ status }: { status: BillingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === "Validated" ? "green" : "gray"} variant="light" data-testid="billing-status">
      {t(`billing.statuses.${status}`)}
    </Badge>
  );
}

export function InvoiceKindBadge({ kind }: { kind: InvoiceKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === "Deposit" ? "violet" : kind === "Balance" ? "teal" : kind === "Direct" ? "orange" : "blue"} variant="outline">
      {t(`invoices.kinds.${kind}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" data-testid="overdue-badge">
      {t("invoices.overdue")}
    </Badge>
  );
}
