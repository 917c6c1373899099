import { Badge, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatHours } from "../lib/duration";
import type { ProjectStatus } from "../api/projects";

const statusColors: Record<ProjectStatus, string> = { Planned: "gray", InProgress: "blue", Done: "green", Cancelled: "red" };

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" data-testid="project-status">
      {t(`projects.statuses.${status}`)}
    </Badge>
  );
}

/** Time spent against the budget in hours; orange past 90 %, red and said in words once over. */
function colorOf(percent: number, over: boolean) {
  if (over) return "red";
  return percent >= 90 ? "orange" : "blue";
}

interface BudgetProps {
  spentHours: number;
  budgetHours: number | null;
  /** Consumption of the hours budget, else of the amount budget (the API's); null without a budget. */
  percent: number | null;
  over: boolean;
}

/** "12 h sur 40 h" with an hours budget, "30 % du budget" with an amount budget only, the hours alone without one. */
function useBudgetLabel({ spentHours, budgetHours, percent }: BudgetProps) {
  const { t } = useTranslation();
  if (budgetHours !== null) return t("projects.spentOfBudget", { spent: formatHours(spentHours), budget: formatHours(budgetHours) });
  if (percent !== null) return t("projects.spentOfAmountBudget", { spent: formatHours(spentHours), percent: Math.round(percent) });
  return t("projects.spentNoBudget", { spent: formatHours(spentHours) });
}

/** The list's compact bar. */
export function CompactBudgetBar(props: BudgetProps) {
  const { t } = useTranslation();
  const label = useBudgetLabel(props);
  const { percent, over } = props;
  if (percent === null && !over) return <Text size="sm">{label}</Text>;
  return (
    <Tooltip label={over ? t("projects.overBudgetShort") : `${Math.round(percent ?? 0)} %`}>
      <Stack gap={2} miw={120}>
        <Text size="xs" c={over ? "red" : undefined}>
          {label}
        </Text>
        <Progress value={Math.min(percent ?? 100, 100)} color={colorOf(percent ?? 100, over)} size="sm" aria-label={label} />
      </Stack>
    </Tooltip>
  );
}

/** The project page's bar, with the overrun written out: "Budget dépassé de 3,5 h". */
export function BudgetProgress(props: BudgetProps) {
  const { t } = useTranslation();
  const label = useBudgetLabel(props);
  const { spentHours, budgetHours, percent, over } = props;
  // Display only: the hours beyond the budget, both read from the API with 2 decimals.
  const overHours = budgetHours !== null && spentHours > budgetHours ? Math.round((spentHours - budgetHours) * 100) / 100 : null;
  return (
    <Stack gap={4} data-testid="budget-progress">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {percent !== null && (
          <Text size="sm" c={over ? "red" : "dimmed"}>
            {t("projects.percentOfBudget", { percent: Math.round(percent) })}
          </Text>
        )}
      </Group>
      {(percent !== null || over) && <Progress value={Math.min(percent ?? 100, 100)} color={colorOf(percent ?? 100, over)} size="lg" aria-label={label} />}
      {over && (
        <Group gap={4} role="status" data-testid="over-budget">
          <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" />
          <Text size="sm" fw={600} c="red">
            {overHours !== null ? t("projects.overBudget", { hours: formatHours(overHours) }) : t("projects.overAmountBudget")}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
