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

/** The list's compact bar: "12 h / 40 h" with the share of the budget, or the hours alone without a budget. */
export function CompactBudgetBar({ spentHours, budgetHours, percent, over }: { spentHours: number; budgetHours: number | null; percent: number | null; over: boolean }) {
  const { t } = useTranslation();
  if (budgetHours === null || percent === null) return <Text size="sm">{formatHours(spentHours)}</Text>;
  const label = t("projects.spentOfBudget", { spent: formatHours(spentHours), budget: formatHours(budgetHours) });
  return (
    <Tooltip label={over ? t("projects.overBudgetShort") : `${Math.round(percent)} %`}>
      <Stack gap={2} miw={120}>
        <Text size="xs" c={over ? "red" : undefined}>
          {label}
        </Text>
        <Progress value={Math.min(percent, 100)} color={colorOf(percent, over)} size="sm" aria-label={label} />
      </Stack>
    </Tooltip>
  );
}

/** The project page's bar, with the overrun written out: "Budget dépassé de 3,5 h". */
export function BudgetProgress({ spentHours, budgetHours, percent, over, overHours }: { spentHours: number; budgetHours: number | null; percent: number | null; over: boolean; overHours: number }) {
  const { t } = useTranslation();
  if (budgetHours === null || percent === null)
    return (
      <Text size="sm" data-testid="budget-progress">
        {t("projects.spentNoBudget", { spent: formatHours(spentHours) })}
      </Text>
    );
  const label = t("projects.spentOfBudget", { spent: formatHours(spentHours), budget: formatHours(budgetHours) });
  return (
    <Stack gap={4} data-testid="budget-progress">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c={over ? "red" : "dimmed"}>
          {t("projects.percentOfBudget", { percent: Math.round(percent) })}
        </Text>
      </Group>
      <Progress value={Math.min(percent, 100)} color={colorOf(percent, over)} size="lg" aria-label={label} />
      {over && (
        <Group gap={4} c="red" role="status" data-testid="over-budget">
          <IconAlertTriangle size={16} />
          <Text size="sm" fw={600} c="red">
            {t("projects.overBudget", { hours: formatHours(overHours) })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
