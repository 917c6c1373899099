import { Button, Group, Paper, Select, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconLock } from "@tabler/icons-react";
import { type KeyboardEvent, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, asApiError } from "@/api/problem";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type ProjectSummary, type TimeEntry, type TimesheetCell, useSaveTimesheet } from "../api/projects";
import { formatDurationInput, formatMinutes, parseDuration } from "../lib/duration";
import { longDay, shortDay, weekDays } from "../lib/week";

interface SheetRow {
  projectId: string;
  projectName: string;
  /** Monday … Sunday, as typed ("1,5", "1:30", "" for nothing). */
  cells: string[];
}

interface SheetValues {
  rows: SheetRow[];
}

/** A cell holding invoiced time: read-only, with the invoice it was billed on. */
type Locks = Map<string, string>;

/** Runs `f` once the next render is drawn (the row just added has its inputs). */
const afterRender = (f: () => void) => (typeof requestAnimationFrame === "function" ? requestAnimationFrame(() => f()) : setTimeout(f, 0));

const cellKey = (projectId: string, date: string) => `${projectId}|${date}`;

function initialRows(entries: TimeEntry[], days: string[]): SheetRow[] {
  const rows = new Map<string, { name: string; minutes: number[] }>();
  for (const e of entries) {
    const day = days.indexOf(e.date);
    if (day < 0) continue;
    const row = rows.get(e.projectId) ?? { name: e.projectName, minutes: Array<number>(7).fill(0) };
    row.minutes[day] = (row.minutes[day] ?? 0) + e.minutes;
    rows.set(e.projectId, row);
  }
  return [...rows.entries()]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name, "fr"))
    .map(([projectId, row]) => ({ projectId, projectName: row.name, cells: row.minutes.map(formatDurationInput) }));
}

/** The cells a save sends, in order: every editable cell of every row (0 clears a day); its index names it in a refusal. */
function sentCells(values: SheetValues, days: string[], locks: Locks) {
  const sent: { cell: TimesheetCell; row: number; day: number }[] = [];
  values.rows.forEach((row, r) =>
    row.cells.forEach((text, d) => {
      const date = days[d]!;
      if (locks.has(cellKey(row.projectId, date))) return;
      sent.push({ cell: { projectId: row.projectId, date, minutes: parseDuration(text) ?? 0 }, row: r, day: d });
    }),
  );
  return sent;
}

/**
 * The server names a refused cell by its index in the request (`cells[3].minutes`): it lands on that cell of the grid,
 * which is then focused. A field that names no cell stays in the summary above.
 */
function toGridProblem(error: unknown, values: SheetValues, days: string[], locks: Locks): unknown {
  const apiError = asApiError(error);
  if (!apiError?.problem.errors) return error;
  const sent = sentCells(values, days, locks);
  const errors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(apiError.problem.errors)) {
    const m = /^\$?\.?cells\[(\d+)\]/i.exec(key);
    const target = m ? sent[Number(m[1])] : undefined;
    const name = target ? `rows.${target.row}.cells.${target.day}` : key;
    errors[name] = [...(errors[name] ?? []), ...messages];
  }
  return new ApiError(apiError.status, { ...apiError.problem, errors }, apiError.retryAfterSeconds);
}

/**
 * A user's week across projects, keyboard first: the arrows and Tab move between cells, Enter saves the whole week
 * (all or nothing), Escape gives a cell back the value it had. Durations are typed "1,5" or "1:30". Invoiced time is
 * read-only. Totals per row and per day are display sums of the typed minutes; the API recomputes everything.
 */
export function TimesheetGrid({
  userId,
  weekStart,
  entries,
  projects,
  readOnly,
}: {
  userId: string;
  weekStart: string;
  entries: TimeEntry[];
  /** The projects the user is a member of (rows that can be added). */
  projects: ProjectSummary[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const days = useMemo(() => weekDays(weekStart), [weekStart]);
  const locks: Locks = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of entries) if (e.locked) map.set(cellKey(e.projectId, e.date), t("projects.lockedInvoiced"));
    return map;
  }, [entries, t]);
  const save = useSaveTimesheet();
  const initial = useMemo(() => ({ rows: initialRows(entries, days) }), [entries, days]);
  const cells = useRef(new Map<string, HTMLInputElement>());
  const { form, submitWith, failure } = useApiForm<SheetValues>({
    initialValues: initial,
    mapProblem: (error, submitted) => toGridProblem(error, submitted, days, locks),
    validate: (values) => {
      const errors: Record<string, string> = {};
      values.rows.forEach((row, r) =>
        row.cells.forEach((text, d) => {
          if (parseDuration(text) === null) errors[`rows.${r}.cells.${d}`] = t("projects.durationInvalid");
        }),
      );
      return errors;
    },
  });
  const values = form.getValues();
  const minutes = values.rows.map((row) => row.cells.map((text) => parseDuration(text) ?? 0));
  const dayTotals = days.map((_, d) => minutes.reduce((s, row) => s + (row[d] ?? 0), 0));
  const weekTotal = dayTotals.reduce((s, m) => s + m, 0);
  const addable = projects
    .filter((p) => (p.status === "Planned" || p.status === "InProgress") && !values.rows.some((r) => r.projectId === p.id))
    .map((p) => ({ value: p.id, label: `${p.name} — ${p.customerName}` }));

  const submit = submitWith(
    save,
    (v) => ({ userId, weekStart, cells: sentCells(v, days, locks).map((s) => s.cell) }),
    (_, v) => {
      form.setInitialValues(v);
      form.resetDirty(v);
      notifications.show({ color: "green", message: t("projects.weekSaved") });
    },
  );

  function focusCell(row: number, day: number) {
    const input = cells.current.get(`${row}-${day}`);
    if (!input) return false;
    input.focus();
    input.select();
    return true;
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>, row: number, day: number) {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0;
    const atEnd = input.selectionEnd === input.value.length;
    const move =
      event.key === "ArrowUp" ? [row - 1, day] : event.key === "ArrowDown" ? [row + 1, day] : event.key === "ArrowLeft" && atStart ? [row, day - 1] : event.key === "ArrowRight" && atEnd ? [row, day + 1] : null;
    if (move) {
      if (focusCell(move[0]!, move[1]!)) event.preventDefault();
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      const before = form.getInitialValues().rows.find((r) => r.projectId === values.rows[row]?.projectId)?.cells[day] ?? "";
      form.setFieldValue(`rows.${row}.cells.${day}`, before);
      form.clearFieldError(`rows.${row}.cells.${day}`);
    }
  }

  function addRow(projectId: string | null) {
    const project = projects.find((p) => p.id === projectId);
    if (!project) return;
    const index = values.rows.length;
    form.insertListItem("rows", { projectId: project.id, projectName: project.name, cells: Array<string>(7).fill("") });
    afterRender(() => focusCell(index, 0));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("projects.timesheet")}>
      {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
      <Paper withBorder p="md" mt="sm">
        <Table.ScrollContainer minWidth={820}>
          <Table withColumnBorders data-testid="timesheet">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("projects.project")}</Table.Th>
                {days.map((d) => (
                  <Table.Th key={d} ta="center" w={84}>
                    {shortDay(d)}
                  </Table.Th>
                ))}
                <Table.Th ta="right" w={80}>
                  {t("projects.total")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={9}>
                    <Text size="sm" c="dimmed">
                      {t("projects.timesheetEmpty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {values.rows.map((row, r) => (
                <Table.Tr key={row.projectId} data-testid="timesheet-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.projectName}
                    </Text>
                  </Table.Td>
                  {days.map((date, d) => {
                    const lock = locks.get(cellKey(row.projectId, date));
                    const name = t("projects.cellLabel", { project: row.projectName, day: longDay(date) });
                    const input = (
                      <TextInput
                        ref={(el) => {
                          if (el) cells.current.set(`${r}-${d}`, el);
                          else cells.current.delete(`${r}-${d}`);
                        }}
                        aria-label={name}
                        aria-description={lock}
                        readOnly={readOnly || !!lock}
                        inputMode="decimal"
                        autoComplete="off"
                        size="xs"
                        styles={{ input: { textAlign: "right" } }}
                        leftSection={lock ? <IconLock size={12} /> : undefined}
                        onFocus={(e) => e.currentTarget.select()}
                        onKeyDown={(e) => onKey(e, r, d)}
                        {...form.getInputProps(`rows.${r}.cells.${d}`)}
                      />
                    );
                    return (
                      <Table.Td key={date} p={4}>
                        {lock ? <Tooltip label={lock}>{input}</Tooltip> : input}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right" data-testid="row-total">
                    {formatMinutes(minutes[r]!.reduce((s, m) => s + m, 0))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t("projects.dayTotal")}</Table.Th>
                {dayTotals.map((total, d) => (
                  <Table.Th key={days[d]} ta="right" data-testid="day-total">
                    {formatMinutes(total)}
                  </Table.Th>
                ))}
                <Table.Th ta="right" data-testid="week-total">
                  {formatMinutes(weekTotal)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between" mt="md" wrap="wrap">
          {!readOnly ? (
            <Select
              aria-label={t("projects.addRow")}
              placeholder={t("projects.addRow")}
              searchable
              data={addable}
              value={null}
              onChange={addRow}
              nothingFoundMessage={t("projects.noProjectToAdd")}
              w={{ base: "100%", sm: 340 }}
            />
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Text size="xs" c="dimmed">
              {t("projects.timesheetKeys")}
            </Text>
            {!readOnly && (
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} leftSection={<IconDeviceFloppy size={16} />}>
                {t("projects.saveWeek")}
              </Button>
            )}
          </Group>
        </Group>
      </Paper>
    </form>
  );
}
