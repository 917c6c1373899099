import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconEdit, IconFileInvoice, IconHourglassOff, IconRefresh, IconTrash, IconX } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { BillingStatusBadge } from "@/components/billing/billing-badges";
import { SalesLinesTable } from "@/components/sales-lines/sales-lines-table";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { OnceButton } from "@/components/ui/once-button";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { formatMoney, formatPercent } from "@/lib/format-money";
import {
  type Contract,
  type ContractPeriod,
  useActivateContract,
  useContractPeriods,
  useDeleteContract,
  useInvoiceDuePeriods,
  useLetContractExpire,
} from "../api/contracts";
import { ContractStatusBadge } from "./contract-badges";
import { RenewContractModal } from "./renew-contract-modal";
import { TerminateContractModal } from "./terminate-contract-modal";

type Dialog = "activate" | "delete" | "terminate" | "renew" | "expire" | "invoice" | null;

function Term({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** The revision a term applied or the contract foresees, in words: "+3,00 %", "Indice 112,5", "Aucune". */
export function RevisionText({ kind, value }: { kind: "None" | "Percentage" | "Index"; value: number | null | undefined }) {
  const { t } = useTranslation();
  if (kind === "Percentage" && value != null) return <>{`${value >= 0 ? "+" : ""}${formatPercent(value)}`}</>;
  if (kind === "Index" && value != null) return <>{t("contracts.indexValue", { value: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 }).format(value) })}</>;
  return <>{t("contracts.revisionKinds.None")}</>;
}

/**
 * The contract: its customer and order, what a period bills, its terms (with the notice deadline), the history of its
 * terms and periods with their invoices, and the actions its status allows.
 */
export function ContractPage({
  contract,
  canWrite,
  canInvoice,
  onDeleted,
}: {
  contract: Contract;
  canWrite: boolean;
  /** invoices:write too: "Facturer les périodes dues" creates invoices. */
  canInvoice: boolean;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const activate = useActivateContract();
  const remove = useDeleteContract();
  const letExpire = useLetContractExpire();
  const invoiceDue = useInvoiceDuePeriods();
  const periods = useContractPeriods(contract.id);
  const draft = contract.status === "Draft";
  const active = contract.status === "Active";
  const close = () => setDialog(null);
  const done = (message: string) => () => {
    setDialog(null);
    notifications.show({ color: "green", message });
  };
  const noticePassed = contract.noticeDeadlinePassed;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="contract-title">
              {t("contracts.titleNumber", { number: contract.reference })}
            </Title>
            <ContractStatusBadge status={contract.status} />
          </Group>
          <Text c="dimmed">
            <Anchor component={Link} to={`/customers/${contract.customerId}`}>
              {contract.customerName}
            </Anchor>
            {contract.orderId && (
              <>
                {" · "}
                <Anchor component={Link} to={`/orders/${contract.orderId}`} data-testid="contract-order">
                  {t("contracts.fromOrder", { number: contract.orderNumber })}
                </Anchor>
              </>
            )}
          </Text>
        </div>
        {canWrite && (
          <Group gap="xs">
            {draft && (
              <>
                <Button component={Link} to={`/contracts/${contract.id}/edit`} variant="default" leftSection={<IconEdit size={16} />}>
                  {t("common.edit")}
                </Button>
                <Button color="green" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog("activate")}>
                  {t("contracts.activate")}
                </Button>
                <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
                  {t("common.delete")}
                </Button>
              </>
            )}
            {active && canInvoice && (
              <Button leftSection={<IconFileInvoice size={16} />} onClick={() => setDialog("invoice")}>
                {t("contracts.invoiceDue")}
              </Button>
            )}
            {active && (
              <>
                <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setDialog("renew")}>
                  {t("contracts.renew")}
                </Button>
                {contract.willRenewTacitly && (
                  <Button variant="default" leftSection={<IconHourglassOff size={16} />} onClick={() => setDialog("expire")}>
                    {t("contracts.letExpire")}
                  </Button>
                )}
                <Button color="red" variant="light" leftSection={<IconX size={16} />} onClick={() => setDialog("terminate")}>
                  {t("contracts.terminate")}
                </Button>
              </>
            )}
          </Group>
        )}
      </Group>

      {contract.status === "Terminated" && (
        <Alert color="red" title={t("contracts.terminatedTitle", { date: formatDate(contract.terminationDate) })} data-testid="termination">
          {contract.terminationReason}
        </Alert>
      )}
      {active && !contract.willRenewTacitly && (
        <Alert color="orange" data-testid="ends-at-term">
          {t("contracts.endsAtTerm", { date: formatDate(contract.currentTermEnd) })}
        </Alert>
      )}

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("contracts.terms")}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }}>
          <Term label={t("contracts.startDate")}>{formatDate(contract.startDate)}</Term>
          <Term label={t("contracts.currentTerm")} testId="current-term">
            {t("contracts.fromTo", { start: formatDate(contract.currentTermStart), end: formatDate(contract.currentTermEnd) })}
          </Term>
          <Term label={t("contracts.termMonths")}>{t("contracts.months", { count: contract.termMonths })}</Term>
          <Term label={t("contracts.periodicity")} testId="contract-periodicity">
            {t(`periodicities.${contract.periodicity}`)}
          </Term>
          <Term label={t("contracts.timing")}>{t(`contracts.timings.${contract.timing}`)}</Term>
          <Term label={t("contracts.tacitRenewal")}>{contract.tacitRenewal ? t("contracts.yes") : t("contracts.no")}</Term>
          <Term label={t("contracts.notice")}>{t("contracts.months", { count: contract.noticeMonths })}</Term>
          <Term label={t("contracts.noticeDeadline")} testId="notice-deadline">
            {draft ? (
              "—"
            ) : (
              <Text span size="sm" c={noticePassed && active ? "red" : undefined} fw={noticePassed && active ? 600 : undefined}>
                {formatDate(contract.noticeDeadline)}
              </Text>
            )}
          </Term>
          <Term label={t("contracts.revision")}>
            <RevisionText kind={contract.revision.kind} value={contract.revision.kind === "Index" ? contract.revision.baseIndexValue : contract.revision.percentage} />
            {contract.indexRevisionPending && (
              <Badge ml="xs" color="orange" variant="light" size="sm">
                {t("contracts.indexPending")}
              </Badge>
            )}
          </Term>
          <Term label={t("contracts.amountPerPeriod")} testId="amount-per-period">
            {formatMoney(contract.periodAmountExcludingVat)} {t("orders.ht")}
          </Term>
          <Term label={t("contracts.mrr")} testId="contract-mrr">
            {formatMoney(contract.monthlyRecurringRevenue)}
          </Term>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("contracts.linesPerPeriod")}
        </Title>
        <SalesLinesTable lines={contract.lines.map((l) => ({ ...l, isContractLine: true }))} />
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("contracts.termsHistory")}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t("contracts.termsHistory")} data-testid="terms-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contracts.termNumber")}</Table.Th>
                <Table.Th>{t("contracts.period")}</Table.Th>
                <Table.Th>{t("contracts.revision")}</Table.Th>
                <Table.Th>{t("contracts.decidedOn")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contract.terms.map((term) => (
                <Table.Tr key={term.number}>
                  <Table.Td>{term.number}</Table.Td>
                  <Table.Td>{t("contracts.fromTo", { start: formatDate(term.start), end: formatDate(term.end) })}</Table.Td>
                  <Table.Td>
                    <RevisionText kind={term.revisionKind} value={term.revisionValue} />
                    {term.tacit && (
                      <Badge ml="xs" size="xs" variant="light">
                        {t("contracts.tacit")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(term.decidedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("contracts.periods")}
        </Title>
        {periods.isPending ? (
          <Text c="dimmed" size="sm">
            {t("common.loading")}
          </Text>
        ) : periods.isError ? (
          <ProblemAlert error={periods.error} onRetry={() => void periods.refetch()} />
        ) : (
          <PeriodsTable periods={periods.data} />
        )}
      </Paper>

      <ConfirmModal
        opened={dialog === "activate"}
        title={t("contracts.activateTitle")}
        text={t("contracts.activateExplain")}
        confirm={t("contracts.activate")}
        mutation={activate}
        variables={contract.id}
        onClose={close}
        onDone={done(t("contracts.activated"))}
      />
      <ConfirmModal
        opened={dialog === "expire"}
        title={t("contracts.letExpireTitle")}
        text={t("contracts.letExpireExplain", { date: formatDate(contract.currentTermEnd) })}
        confirm={t("contracts.letExpire")}
        mutation={letExpire}
        variables={contract.id}
        onClose={close}
        onDone={done(t("contracts.letExpireDone"))}
      />
      <ConfirmModal
        opened={dialog === "invoice"}
        title={t("contracts.invoiceDue")}
        text={t("contracts.invoiceDueExplain")}
        confirm={t("contracts.invoiceDue")}
        mutation={invoiceDue}
        variables={contract.id}
        onClose={close}
        onDone={(result) => {
          setDialog(null);
          notifications.show({ color: "green", message: t("contracts.invoicedDone", { count: result.length }) });
        }}
      />
      {dialog === "terminate" && <TerminateContractModal opened contract={contract} onClose={close} onDone={done(t("contracts.terminated"))} />}
      {dialog === "renew" && (
        <RenewContractModal
          opened
          contract={{ ...contract, revisionKind: contract.revision.kind }}
          onClose={close}
          onDone={done(t("contracts.renewed"))}
        />
      )}
      <Modal opened={dialog === "delete"} onClose={close} title={t("contracts.deleteTitle")}>
        <Stack>
          {remove.error ? <ProblemAlert error={remove.error} /> : null}
          <Text size="sm">{t("contracts.deleteConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <OnceButton color="red" pending={remove.isPending} onClick={() => remove.mutate(contract.id, { onSuccess: onDeleted })}>
              {t("common.delete")}
            </OnceButton>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Every period of the contract: the invoiced ones with their invoice, then the upcoming ones with their billing day. */
export function PeriodsTable({ periods }: { periods: ContractPeriod[] }) {
  const { t } = useTranslation();
  if (periods.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t("contracts.noPeriods")}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t("contracts.periods")} data-testid="periods">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("contracts.servicePeriod")}</Table.Th>
            <Table.Th>{t("contracts.billingDate")}</Table.Th>
            <Table.Th ta="right">{t("contracts.amountExcludingVat")}</Table.Th>
            <Table.Th>{t("contracts.invoice")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((p) => (
            <Table.Tr key={`${p.start}-${p.end}`} data-testid="period-row">
              <Table.Td>
                {t("contracts.fromTo", { start: formatDate(p.start), end: formatDate(p.end) })}
                {p.proRataFactor < 1 && (
                  <Badge ml="xs" size="xs" color="orange" variant="light">
                    {t("contracts.partial")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatDate(p.billingDate)}</Table.Td>
              <Table.Td ta="right">{formatMoney(p.amountExcludingVat)}</Table.Td>
              <Table.Td>
                {p.invoiceId ? (
                  <Group gap="xs">
                    <Anchor component={Link} to={`/invoices/${p.invoiceId}`}>
                      {p.invoiceNumber ?? t("billing.draft")}
                    </Anchor>
                    {p.invoiceStatus && <BillingStatusBadge status={p.invoiceStatus} />}
                  </Group>
                ) : (
                  <Badge color={p.state === "Due" ? "orange" : "gray"} variant="light">
                    {p.state === "Due" ? t("contracts.due") : t("contracts.upcoming")}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
