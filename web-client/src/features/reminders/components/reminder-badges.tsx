import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReminderStatus } from "../api/reminders";

export function ReminderStatusBadge({ status }: { status: ReminderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={status === "Sent" ? "blue" : status === "Manual" ? "grape" : "gray"}>
      {t(`reminders.statuses.${status}`)}
    </Badge>
  );
}
