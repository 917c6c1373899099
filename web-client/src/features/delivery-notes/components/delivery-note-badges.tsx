import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DeliveryNoteStatus, OrderDeliveryStatus } from "../api/delivery-notes";

const noteColors: Record<DeliveryNoteStatus, string> = { Draft: "gray", Validated: "blue", Delivered: "green", Cancelled: "red" };
const orderColors: Record<OrderDeliveryStatus, string> = { NotDeliverable: "gray", NotDelivered: "yellow", PartiallyDelivered: "orange", Delivered: "green" };

export function DeliveryNoteStatusBadge({ status }: { status: DeliveryNoteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={noteColors[status]} variant="light" data-testid="delivery-note-status">
      {t(`deliveryNotes.statuses.${status}`)}
    </Badge>
  );
}

/** The order's delivery status; nothing for an order without deliverable lines. */
export function OrderDeliveryStatusBadge({ status }: { status: OrderDeliveryStatus }) {
  const { t } = useTranslation();
  if (status === "NotDeliverable") return null;
  return (
    <Badge color={orderColors[status]} variant="light" data-testid="order-delivery-status">
      {t(`deliveryNotes.orderStatuses.${status}`)}
    </Badge>
  );
}

/** Quantities the French way, up to the 3 decimals the API keeps: « 2,5 », « 1 200 ». */
export function formatQuantity(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }).format(value);
}
