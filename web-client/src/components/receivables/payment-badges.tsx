import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InvoicePaymentStatus } from "./receivables-api";

const statusColor: Record<InvoicePaymentStatus, string> = { Unpaid: "red", PartiallyPaid: "yellow", Paid: "green", Credited: "gray" };

export function PaymentStatusBadge({ status }: { status: InvoicePaymentStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={statusColor[status]} variant="light" data-testid="payment-status">
      {t(`payments.statuses.${status}`)}
    </Badge>
  );
}
