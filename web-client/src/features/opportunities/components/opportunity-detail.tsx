import { Anchor, Button, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFilePlus, IconPencil, IconRotate, IconShoppingCart, IconThumbDown, IconTrophy } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { ReasonModal } from "@/components/sales-lines/reason-modal";
import { OpportunityStageBadge, QuoteStatusBadge } from "@/components/sales-lines/status-badges";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import { type VersionedOpportunity, useLoseOpportunity, useReopenOpportunity, useWinOpportunity } from "../api/opportunities";
import { OpportunityFormModal } from "./opportunity-form-modal";
import { WinOpportunityModal } from "./win-opportunity-modal";

export function OpportunityDetail({
  data,
  canWrite,
  canWriteQuotes,
  onWon,
}: {
  data: VersionedOpportunity;
  canWrite: boolean;
  canWriteQuotes: boolean;
  onWon: (orderId: string | null) => void;
}) {
  const { t } = useTranslation();
  const o = data.value;
  const [dialog, setDialog] = useState<"edit" | "win" | "lose" | null>(null);
  const lose = useLoseOpportunity();
  const reopen = useReopenOpportunity();
  const win = useWinOpportunity();
  const open = o.stage === "Open";
  // Won by its accepted quote before the order was made: "Gagner" again makes (or links) that order, never a second one.
  const accepted = o.quotes.filter((q) => q.status === "Accepted");
  const toOrder = o.stage === "Won" && accepted.length === 1 && !accepted[0]!.orderId ? accepted[0]! : null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{o.title}</Title>
            <OpportunityStageBadge stage={o.stage} />
          </Group>
          <Text c="dimmed">{o.customerName}</Text>
        </div>
        <Group gap="xs">
          {canWriteQuotes && open && (
            <Button
              variant="default"
              leftSection={<IconFilePlus size={16} />}
              component={Link}
              to={`/quotes/new?customerId=${o.customerId}&customerName=${encodeURIComponent(o.customerName)}&opportunityId=${o.id}`}
            >
              {t("opportunities.newQuote")}
            </Button>
          )}
          {canWrite && open && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog("edit")}>
                {t("common.edit")}
              </Button>
              <Button color="green" leftSection={<IconTrophy size={16} />} onClick={() => setDialog("win")}>
                {t("opportunities.win")}
              </Button>
              <Button color="red" variant="light" leftSection={<IconThumbDown size={16} />} onClick={() => setDialog("lose")}>
                {t("opportunities.lose")}
              </Button>
            </>
          )}
          {canWrite && toOrder && (
            <Button
              leftSection={<IconShoppingCart size={16} />}
              loading={win.isPending}
              onClick={() => win.mutate({ id: o.id, quoteId: toOrder.id, createOrder: true }, { onSuccess: (result) => onWon(result.orderId ?? null) })}
            >
              {t("quotes.createOrder")}
            </Button>
          )}
          {canWrite && !open && (
            <Button
              variant="default"
              leftSection={<IconRotate size={16} />}
              loading={reopen.isPending}
              onClick={() =>
                reopen.mutate(
                  { id: o.id },
                  {
                    onSuccess: () => {
                      notifications.show({ color: "green", message: t("opportunities.reopened") });
                    },
                  },
                )
              }
            >
              {t("opportunities.reopen")}
            </Button>
          )}
        </Group>
      </Group>
      {reopen.error && <ProblemAlert error={reopen.error} />}
      {win.error && <ProblemAlert error={win.error} />}

      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Field label={t("opportunities.customer")} value={o.customerName} />
              <Field label={t("opportunities.expectedAmount")} value={formatMoney(o.expectedAmount)} />
              <Field label={t("opportunities.expectedCloseDate")} value={formatDate(o.expectedCloseDate) || "—"} />
              {o.closedOn && <Field label={t("opportunities.closedOn")} value={formatDate(o.closedOn)} />}
              {o.lostReason && <Field label={t("opportunities.lostReason")} value={o.lostReason} />}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t("opportunities.quotes")}
            </Title>
            {o.quotes.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("opportunities.noQuotes")}
              </Text>
            ) : (
              <Table aria-label={t("opportunities.quotes")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("quotes.number")}</Table.Th>
                    <Table.Th>{t("quotes.validUntil")}</Table.Th>
                    <Table.Th ta="right">{t("quotes.totalExcludingVat")}</Table.Th>
                    <Table.Th>{t("quotes.status")}</Table.Th>
                    <Table.Th>{t("opportunities.order")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.quotes.map((q) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/quotes/${q.id}`}>
                          {q.number ?? t("quotes.draft")}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(q.validUntil)}</Table.Td>
                      <Table.Td ta="right">{formatMoney(q.totalExcludingVat)}</Table.Td>
                      <Table.Td>
                        <QuoteStatusBadge status={q.status} isExpired={q.isExpired} />
                      </Table.Td>
                      <Table.Td>
                        {q.orderId ? (
                          <Anchor component={Link} to={`/orders/${q.orderId}`} data-testid="opportunity-order-link">
                            {t("opportunities.linkedOrder")}
                          </Anchor>
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
      </Grid>

      {dialog === "edit" && <OpportunityFormModal opened onClose={() => setDialog(null)} editing={data} />}
      {dialog === "win" && <WinOpportunityModal opened opportunity={o} onClose={() => setDialog(null)} onWon={(orderId) => { setDialog(null); onWon(orderId); }} />}
      {dialog === "lose" && (
        <ReasonModal
          opened
          title={t("opportunities.loseTitle")}
          label={t("opportunities.lostReason")}
          confirm={t("opportunities.lose")}
          mutation={lose}
          toVariables={(reason) => ({ id: o.id, reason })}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifications.show({ color: "green", message: t("opportunities.lost") });
          }}
        />
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}
