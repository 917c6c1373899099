import { Anchor, Badge, Button, Group, SegmentedControl, Skeleton, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { notifications } from "@mantine/notifications";
import { type Renewal, renewalWindows, useLetContractExpire, useRenewals } from "../api/contracts";
import { RenewContractModal } from "./renew-contract-modal";

/**
 * The contracts reaching the end of their term within 30, 60 or 90 days, nearest first, with the notice deadline (in
 * red once passed: the customer can no longer refuse the tacit renewal); renewed or let expire from the row.
 */
export function RenewalsTable({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [within, setWithin] = useState<number>(60);
  const [acting, setActing] = useState<{ kind: "renew" | "expire"; renewal: Renewal } | null>(null);
  const query = useRenewals(within);
  const letExpire = useLetContractExpire();
  const close = () => setActing(null);

  return (
    <>
      <Group mb="md" gap="sm">
        <Text size="sm" id="renewal-window">
          {t("contracts.renewalWindow")}
        </Text>
        <SegmentedControl
          aria-labelledby="renewal-window"
          value={String(within)}
          onChange={(v) => setWithin(Number(v))}
          data={renewalWindows.map((d) => ({ value: String(d), label: t("contracts.days", { count: d }) }))}
        />
      </Group>
      {query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t("contracts.noRenewals", { count: within })} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label={t("contracts.renewals")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contracts.number")}</Table.Th>
                <Table.Th>{t("contracts.customer")}</Table.Th>
                <Table.Th>{t("contracts.termEnd")}</Table.Th>
                <Table.Th>{t("contracts.noticeDeadline")}</Table.Th>
                <Table.Th>{t("contracts.daysLeft")}</Table.Th>
                <Table.Th ta="right">{t("contracts.mrr")}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((r) => (
                <Table.Tr key={r.id} data-testid="renewal-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${r.id}`}>
                      {r.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.customerName}</Table.Td>
                  <Table.Td>{formatDate(r.currentTermEnd)}</Table.Td>
                  <Table.Td>
                    {r.noticeDeadlinePassed ? (
                      <Group gap={4}>
                        <Text span size="sm" c="red" fw={600}>
                          {formatDate(r.noticeDeadline)}
                        </Text>
                        <Badge color="red" variant="light" size="sm" data-testid="notice-passed">
                          {t("contracts.noticePassed")}
                        </Badge>
                      </Group>
                    ) : (
                      formatDate(r.noticeDeadline)
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t("contracts.days", { count: r.daysLeft })}
                    {r.indexRevisionPending && (
                      <Badge ml="xs" color="orange" variant="light" size="sm">
                        {t("contracts.indexPending")}
                      </Badge>
                    )}
                    {!r.willRenewTacitly && (
                      <Badge ml="xs" color="gray" variant="light" size="sm">
                        {t("contracts.endsAtTermShort")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(r.monthlyRecurringRevenue)}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" onClick={() => setActing({ kind: "renew", renewal: r })} aria-label={t("contracts.renewNumber", { number: r.reference })}>
                          {t("contracts.renew")}
                        </Button>
                        {r.willRenewTacitly && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setActing({ kind: "expire", renewal: r })}
                            aria-label={t("contracts.letExpireNumber", { number: r.reference })}
                          >
                            {t("contracts.letExpire")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {acting?.kind === "renew" && (
        <RenewContractModal
          opened
          contract={acting.renewal}
          onClose={close}
          onDone={() => {
            close();
            notifications.show({ color: "green", message: t("contracts.renewed") });
          }}
        />
      )}
      <ConfirmModal
        opened={acting?.kind === "expire"}
        title={t("contracts.letExpireTitle")}
        text={t("contracts.letExpireExplain", { date: formatDate(acting?.renewal.currentTermEnd) })}
        confirm={t("contracts.letExpire")}
        mutation={letExpire}
        variables={acting?.renewal.id ?? ""}
        onClose={close}
        onDone={() => {
          close();
          notifications.show({ color: "green", message: t("contracts.letExpireDone") });
        }}
      />
    </>
  );
}
