import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ContractStatus } from "../api/contracts";

const colors: Record<ContractStatus, string> = { Draft: "gray", Active: "green", Terminated: "red", Expired: "orange" };

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" data-testid="contract-status">
      {t(`contracts.statuses.${status}`)}
    </Badge>
  );
}
