import { Button, Grid, Group, MultiSelect, NumberInput, Paper, Stack, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import {
  type Project,
  type ProjectRequest,
  useCompanyUsers,
  useCreateProject,
  useCreateProjectFromOrder,
  useUpdateProject,
} from "../api/projects";

interface ProjectValues {
  name: string;
  customerId: string | null;
  customerName: string | null;
  code: string;
  startDate: string | null;
  endDate: string | null;
  budgetHours: number | string;
  budgetAmount: number | string;
  hourlyRate: number | string;
  memberIds: string[];
}

const numberOrNull = (v: number | string) => (v === "" || v === null ? null : Number(v));

function valuesOf(project: Project | null, order: FromOrder | null): ProjectValues {
  return {
    name: project?.name ?? order?.suggestedName ?? "",
    customerId: project?.customerId ?? order?.customerId ?? null,
    customerName: project?.customerName ?? order?.customerName ?? null,
    code: project?.code ?? "",
    startDate: project?.startDate ?? null,
    endDate: project?.endDate ?? null,
    budgetHours: project?.budgetHours ?? "",
    budgetAmount: project?.budgetAmount ?? "",
    hourlyRate: project?.hourlyRate ?? "",
    memberIds: project?.members.map((m) => m.userId) ?? [],
  };
}

function requestOf(v: ProjectValues): ProjectRequest {
  return {
    name: v.name.trim(),
    customerId: v.customerId ?? "",
    code: v.code.trim() === "" ? null : v.code.trim(),
    startDate: v.startDate,
    endDate: v.endDate,
    budgetHours: numberOrNull(v.budgetHours),
    budgetAmount: numberOrNull(v.budgetAmount),
    hourlyRate: Number(v.hourlyRate),
    memberIds: v.memberIds,
  };
}

/** The order a project is created from: its customer is the project's, its number names the project by default. */
export interface FromOrder {
  orderId: string;
  orderNumber: string | null;
  customerId: string;
  customerName: string;
  suggestedName: string;
}

/**
 * Creates a project (directly, or from a validated order: `fromOrder`) or edits one (`project` with its ETag). The
 * members are the users who record time on it; the hourly rate prices its billable time when it is invoiced.
 */
export function ProjectForm({
  project,
  etag = null,
  fromOrder = null,
  canListUsers,
  onSaved,
  onCancel,
}: {
  project?: Project | null;
  etag?: string | null;
  fromOrder?: FromOrder | null;
  canListUsers: boolean;
  onSaved: (project: Project) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const createFromOrder = useCreateProjectFromOrder();
  const update = useUpdateProject();
  const users = useCompanyUsers(canListUsers);
  const editing = !!project;
  const { form, submitWith, failure } = useApiForm<ProjectValues>({
    initialValues: valuesOf(project ?? null, fromOrder),
    validate: {
      name: (v) => (v.trim() ? null : t("errors.required")),
      customerId: (v) => (v ? null : t("errors.required")),
      hourlyRate: (v) => (v === "" && !fromOrder ? t("errors.required") : null),
      endDate: (v, all) => (v && all.startDate && v < all.startDate ? t("projects.endBeforeStart") : null),
    },
  });
  const values = form.getValues();
  const memberChoices = (users.data?.items ?? [])
    .filter((u) => u.isActive || values.memberIds.includes(u.id))
    .map((u) => ({ value: u.id, label: u.displayName }));
  // Without the list of users (a Sales user), the members already chosen stay listed by name.
  for (const m of project?.members ?? []) if (!memberChoices.some((c) => c.value === m.userId)) memberChoices.push({ value: m.userId, label: m.displayName });

  const done = (saved: Project) => {
    notifications.show({ color: "green", message: editing ? t("projects.saved") : t("projects.created") });
    onSaved(saved);
  };
  const submit = editing
    ? submitWith(update, (v) => ({ id: project.id, etag, body: requestOf(v) }), (saved) => done(saved.value))
    : fromOrder
      ? submitWith(createFromOrder, (v) => {
          const { customerId: _customer, ...body } = requestOf(v);
          return { body: { ...body, hourlyRate: numberOrNull(v.hourlyRate), orderId: fromOrder.orderId } };
        }, done)
      : submitWith(create, (v) => ({ body: requestOf(v) }), done);
  const pending = create.isPending || createFromOrder.isPending || update.isPending;

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? t("projects.editTitle") : t("projects.newTitle")}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Paper withBorder p="md">
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput label={t("projects.name")} required {...form.getInputProps("name")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <CustomerSelect
                label={t("projects.customer")}
                required
                disabled={editing || !!fromOrder}
                value={values.customerId}
                valueLabel={values.customerName}
                onChange={(id, name) => {
                  form.setFieldValue("customerId", id);
                  form.setFieldValue("customerName", name);
                }}
                error={form.errors.customerId ? String(form.errors.customerId) : undefined}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput label={t("projects.code")} description={t("projects.codeHelp")} {...form.getInputProps("code")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <DatePickerInput label={t("projects.startDate")} valueFormat="DD/MM/YYYY" clearable {...form.getInputProps("startDate")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <DatePickerInput label={t("projects.endDate")} valueFormat="DD/MM/YYYY" clearable {...form.getInputProps("endDate")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
              <NumberInput label={t("projects.budgetHours")} decimalScale={2} decimalSeparator="," thousandSeparator={"\u202f"} min={0} suffix=" h" {...form.getInputProps("budgetHours")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
              <NumberInput label={t("projects.budgetAmount")} decimalScale={2} decimalSeparator="," thousandSeparator={"\u202f"} min={0} suffix=" €" {...form.getInputProps("budgetAmount")} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
              <NumberInput
                label={t("projects.hourlyRate")}
                description={fromOrder ? t("projects.hourlyRateFromOrder") : t("projects.hourlyRateHelp")}
                required={!fromOrder}
                decimalScale={2}
                decimalSeparator=","
                thousandSeparator={"\u202f"}
                min={0}
                suffix=" €"
                {...form.getInputProps("hourlyRate")}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <MultiSelect
                label={t("projects.members")}
                description={canListUsers ? undefined : t("projects.membersHelp")}
                searchable
                disabled={!canListUsers}
                data={memberChoices}
                {...form.getInputProps("memberIds")}
              />
            </Grid.Col>
          </Grid>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {editing ? t("common.save") : t("projects.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
