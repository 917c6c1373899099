import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "@/api/query";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";

const shown = 5;

interface Row {
  id: string;
  to: string;
  number: string;
  date: string;
  amount: number;
  status: string;
}

/** One kind of document of the customer: its latest ones, each linking to its page, and the whole filtered list. */
function Section({ title, listUrl, rows, pending, empty, testId }: { title: string; listUrl: string; rows: Row[]; pending: boolean; empty: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" style={{ minWidth: 0 }} data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4}>{title}</Title>
        <Anchor component={Link} to={listUrl} size="sm">
          {t("dashboard.seeAll")}
        </Anchor>
      </Group>
      {pending ? (
        <Skeleton h={80} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label={title}>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={r.to}>
                      {r.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.date)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatMoney(r.amount)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm">
                      {r.status}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/**
 * The customer's page beyond its record: quotes, orders, invoices, credit notes and payments (the latest of each, read
 * with the lists' `customerId` filter), and a button to create each with the customer already chosen — only those
 * the user may create.
 */
export function CustomerDocuments({
  customerId,
  customerName,
  can,
}: {
  customerId: string;
  customerName: string;
  /** Whether the user holds a permission ("quotes:write"). */
  can: (permission: string) => boolean;
}) {
  const { t } = useTranslation();
  const query = { params: { query: { customerId, limit: shown } } };
  const quotes = useApiQuery("/api/v1/quotes", query, { enabled: can("quotes:read") });
  const orders = useApiQuery("/api/v1/orders", query, { enabled: can("orders:read") });
  const invoices = useApiQuery("/api/v1/invoices", query, { enabled: can("invoices:read") });
  const creditNotes = useApiQuery("/api/v1/credit-notes", query, { enabled: can("credit-notes:read") });
  const payments = useApiQuery("/api/v1/payments", query, { enabled: can("payments:read") });
  const named = `customerId=${encodeURIComponent(customerId)}&customerName=${encodeURIComponent(customerName)}`;
  const draft = t("billing.draft");

  const buttons: ReactNode[] = [];
  if (can("quotes:write"))
    buttons.push(
      <Button key="quote" component={Link} to={`/quotes/new?${named}`} variant="default" size="sm">
        {t("customers.newQuote")}
      </Button>,
    );
  if (can("orders:write"))
    buttons.push(
      <Button key="order" component={Link} to={`/orders/new?${named}`} variant="default" size="sm">
        {t("customers.newOrder")}
      </Button>,
    );
  if (can("invoices:write"))
    buttons.push(
      <Button key="invoice" component={Link} to={`/invoices/new-direct?${named}`} variant="default" size="sm">
        {t("customers.newInvoice")}
      </Button>,
    );
  if (can("credit-notes:write"))
    buttons.push(
      <Button key="credit" component={Link} to={`/credit-notes/new?${named}`} variant="default" size="sm">
        {t("customers.newCreditNote")}
      </Button>,
    );
  if (can("payments:write"))
    buttons.push(
      <Button key="payment" component={Link} to={`/payments/new?${named}`} variant="default" size="sm">
        {t("customers.recordPayment")}
      </Button>,
    );

  return (
    <>
      {buttons.length > 0 && (
        <Group gap="sm" mt="md" wrap="wrap" aria-label={t("customers.createFromCustomer")} role="group">
          {buttons}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md">
        {can("quotes:read") && (
          <Section
            testId="customer-quotes"
            title={t("nav.quotes")}
            listUrl={`/quotes?customerId=${customerId}`}
            pending={quotes.isPending}
            empty={t("customers.noQuotes")}
            rows={(quotes.data?.items ?? []).map((q) => ({
              id: q.id,
              to: `/quotes/${q.id}`,
              number: q.number ?? draft,
              date: q.validUntil,
              amount: q.totalIncludingVat,
              status: t(`quotes.statuses.${q.status}`),
            }))}
          />
        )}
        {can("orders:read") && (
          <Section
            testId="customer-orders"
            title={t("nav.orders")}
            listUrl={`/orders?customerId=${customerId}`}
            pending={orders.isPending}
            empty={t("customers.noOrders")}
            rows={(orders.data?.items ?? []).map((o) => ({
              id: o.id,
              to: `/orders/${o.id}`,
              number: o.number ?? draft,
              date: o.orderDate,
              amount: o.totalIncludingVat,
              status: t(`orders.statuses.${o.status}`),
            }))}
          />
        )}
        {can("invoices:read") && (
          <Section
            testId="customer-invoices"
            title={t("nav.invoices")}
            listUrl={`/invoices?customerId=${customerId}`}
            pending={invoices.isPending}
            empty={t("customers.noInvoices")}
            rows={(invoices.data?.items ?? []).map((i) => ({
              id: i.id,
              to: `/invoices/${i.id}`,
              number: i.number ?? draft,
              date: i.issueDate ?? i.updatedAt,
              amount: i.totalIncludingVat,
              status: t(`billing.statuses.${i.status}`),
            }))}
          />
        )}
        {can("credit-notes:read") && (
          <Section
            testId="customer-credit-notes"
            title={t("nav.creditNotes")}
            listUrl={`/credit-notes?customerId=${customerId}`}
            pending={creditNotes.isPending}
            empty={t("customers.noCreditNotes")}
            rows={(creditNotes.data?.items ?? []).map((c) => ({
              id: c.id,
              to: `/credit-notes/${c.id}`,
              number: c.number ?? draft,
              date: c.issueDate ?? c.updatedAt,
              amount: c.totalIncludingVat,
              status: t(`billing.statuses.${c.status}`),
            }))}
          />
        )}
        {can("payments:read") && (
          <Section
            testId="customer-payments"
            title={t("nav.payments")}
            listUrl={`/payments?customerId=${customerId}`}
            pending={payments.isPending}
            empty={t("customers.noPayments")}
            rows={(payments.data?.items ?? []).map((p) => ({
              id: p.id,
              to: `/payments/${p.id}`,
              number: p.reference ?? t(`orders.paymentMethods.${p.method}`),
              date: p.date,
              amount: p.direction === "Refund" ? -p.amount : p.amount,
              status: t(`payments.states.${p.state}`),
            }))}
          />
        )}
      </SimpleGrid>
    </>
  );
}
