import { Alert, Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconCalendarTime, IconCheck, IconFileInvoice, IconPencil, IconPlayerPlay, IconTrash, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type Project, type ProjectAction, actionsOf, useDeleteProject, useProjectTransition } from "../api/projects";
import { formatHours } from "../lib/duration";
import { BudgetProgress, ProjectStatusBadge } from "./project-badges";
import { InvoiceTimeModal } from "./invoice-time-modal";
import { TimeEntriesPanel } from "./time-entries-panel";

const actionIcons = { start: IconPlayerPlay, complete: IconCheck, cancel: IconX } as const;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/**
 * A project: its customer and order, dates, members, budget, the time spent against the budget (a warning once over),
 * each member's hours, the time entries, "Facturer le temps" and the status changes.
 */
export function ProjectPage({
  project,
  meId,
  isAdmin,
  canWrite,
  canWriteTime,
  canInvoice,
  onEdit,
}: {
  project: Project;
  meId: string;
  isAdmin: boolean;
  /** projects:write */
  canWrite: boolean;
  /** time-entries:write */
  canWriteTime: boolean;
  /** invoices:write */
  canInvoice: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<"invoice" | "cancel" | "delete" | null>(null);
  const transition = useProjectTransition();
  const remove = useDeleteProject();
  const time = project.time;
  const act = (action: ProjectAction) => transition.mutate({ id: project.id, action });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Title order={2} data-testid="project-title">
              {project.name}
            </Title>
            <ProjectStatusBadge status={project.status} />
          </Group>
          <Text c="dimmed">
            <Anchor component={Link} to={`/customers/${project.customerId}`}>
              {project.customerName}
            </Anchor>
            {project.orderId && (
              <>
                {" · "}
                <Anchor component={Link} to={`/orders/${project.orderId}`}>
                  {t("projects.orderRef", { number: project.orderNumber ?? "" })}
                </Anchor>
              </>
            )}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" component={Link} to="/projects/timesheet" leftSection={<IconCalendarTime size={16} />}>
            {t("projects.timesheet")}
          </Button>
          {canInvoice && time.uninvoicedBillableHours > 0 && (
            <Button leftSection={<IconFileInvoice size={16} />} onClick={() => setDialog("invoice")}>
              {t("projects.invoiceTime")}
            </Button>
          )}
          {canWrite &&
            actionsOf(project.status).map((action) => {
              const Icon = actionIcons[action];
              return action === "cancel" ? (
                <Button key={action} color="red" variant="light" leftSection={<Icon size={16} />} onClick={() => setDialog("cancel")}>
                  {t("projects.actions.cancel")}
                </Button>
              ) : (
                <Button key={action} variant="light" leftSection={<Icon size={16} />} loading={transition.isPending} onClick={() => act(action)}>
                  {t(`projects.actions.${action}`)}
                </Button>
              );
            })}
          {canWrite && project.status !== "Cancelled" && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
              {t("common.edit")}
            </Button>
          )}
          {canWrite && time.spentHours === 0 && (
            <Button color="red" variant="subtle" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
              {t("common.delete")}
            </Button>
          )}
        </Group>
      </Group>
      {transition.error && <ProblemAlert error={transition.error} />}

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={4} mb="sm">
              {t("projects.budget")}
            </Title>
            <BudgetProgress spentHours={time.spentHours} budgetHours={project.budgetHours} percent={time.progressPercent} over={time.overBudget} />
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md">
              <Fact label={t("projects.billableHours")}>{formatHours(time.billableHours)}</Fact>
              <Fact label={t("projects.notInvoicedHours")}>{formatHours(time.uninvoicedBillableHours)}</Fact>
              <Fact label={t("projects.notInvoicedAmount")}>{formatMoney(time.uninvoicedAmount)}</Fact>
              <Fact label={t("projects.budgetAmount")}>{project.budgetAmount === null ? "—" : formatMoney(project.budgetAmount)}</Fact>
            </SimpleGrid>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" h="100%">
            <SimpleGrid cols={2}>
              <Fact label={t("projects.startDate")}>{formatDate(project.startDate) || "—"}</Fact>
              <Fact label={t("projects.endDate")}>{formatDate(project.endDate) || "—"}</Fact>
              <Fact label={t("projects.hourlyRate")}>{formatMoney(project.hourlyRate)}</Fact>
              <Fact label={t("projects.budgetHours")}>{project.budgetHours === null ? "—" : formatHours(project.budgetHours)}</Fact>
            </SimpleGrid>
            {project.code && (
              <Text size="sm" mt="md">
                {t("projects.codeLabel", { code: project.code })}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("projects.members")}
        </Title>
        {project.members.length === 0 ? (
          <Alert color="gray">{t("projects.noMembers")}</Alert>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table data-testid="member-totals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("projects.member")}</Table.Th>
                  <Table.Th ta="right">{t("projects.spentHours")}</Table.Th>
                  <Table.Th ta="right">{t("projects.billableHours")}</Table.Th>
                  <Table.Th ta="right">{t("projects.notInvoicedHours")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {project.members.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>{m.displayName}</Table.Td>
                    <Table.Td ta="right">{formatHours(m.spentHours)}</Table.Td>
                    <Table.Td ta="right">{formatHours(m.billableHours)}</Table.Td>
                    <Table.Td ta="right">{formatHours(m.uninvoicedBillableHours)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <TimeEntriesPanel project={project} meId={meId} isAdmin={isAdmin} canWrite={canWriteTime} />

      {dialog === "invoice" && (
        <InvoiceTimeModal project={project} onClose={() => setDialog(null)} onInvoiced={(invoice) => void navigate(`/invoices/${invoice.invoiceId}`)} />
      )}
      <ConfirmModal
        opened={dialog === "cancel"}
        title={t("projects.cancelTitle")}
        text={t("projects.cancelConfirm")}
        confirm={t("projects.actions.cancel")}
        mutation={transition}
        variables={{ id: project.id, action: "cancel" as ProjectAction }}
        onClose={() => setDialog(null)}
        onDone={() => setDialog(null)}
      />
      <ConfirmModal
        opened={dialog === "delete"}
        title={t("projects.deleteTitle")}
        text={t("projects.deleteConfirm")}
        confirm={t("common.delete")}
        mutation={remove}
        variables={project.id}
        onClose={() => setDialog(null)}
        onDone={() => void navigate("/projects", { replace: true })}
      />
    </Stack>
  );
}
