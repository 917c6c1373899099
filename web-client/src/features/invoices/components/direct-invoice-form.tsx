import { Alert, Button, Grid, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconLinkOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { type LineDraft, emptyLine, splitLineErrors, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type Invoice, useCreateDirectInvoice } from "../api/invoices";

const shownFields = ["customerId", "issueDate", "customerReference"];

/**
 * A draft invoice of its own lines for a customer (POST /invoices), marked "non rattachée à une commande". The
 * server computes every amount (the line editor shows its preview) and fills the payment terms from the customer.
 */
export function DirectInvoiceForm({
  onCreated,
  defaults,
}: {
  onCreated: (invoice: Invoice) => void;
  /** The customer already chosen (from its page: `?customerId=&customerName=`). */
  defaults?: { customerId: string; customerName: string | null };
}) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(defaults?.customerId ?? null);
  const [customerName, setCustomerName] = useState<string | null>(defaults?.customerName ?? null);
  const [issueDate, setIssueDate] = useState<string | null>(null);
  const [customerReference, setCustomerReference] = useState("");
  const [lines, setLines] = useState<LineDraft[]>(() => [emptyLine()]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const create = useCreateDirectInvoice();

  function submit() {
    if (!customerId) {
      setFieldErrors({ customerId: t("errors.required") });
      return;
    }
    setFieldErrors({});
    setLineErrors({});
    create.mutate(
      {
        body: {
          customerId,
          issueDate,
          paymentTerms: null,
          paymentMethod: null,
          customerReference: customerReference.trim() === "" ? null : customerReference.trim(),
          headerText: null,
          footerText: null,
          comment: null,
          contactId: null,
          lines: lines.map(toLineRequest),
        },
      },
      {
        onSuccess: (invoice) => {
          notifications.show({ color: "green", message: t("invoices.created") });
          onCreated(invoice);
        },
        onError: (e) => {
          const split = splitLineErrors(e);
          setLineErrors(split.lines);
          setFieldErrors(split.other);
        },
      },
    );
  }

  const unmatched = Object.entries(fieldErrors)
    .filter(([k]) => !shownFields.includes(k))
    .map(([, m]) => m);

  return (
    <Stack>
      <Alert color="orange" variant="light" icon={<IconLinkOff size={16} />} data-testid="direct-invoice-notice">
        {t("invoices.directNotice")}
      </Alert>
      {create.error && (Object.keys(lineErrors).length === 0 || unmatched.length > 0) ? <ProblemAlert error={create.error} extraMessages={unmatched} /> : null}
      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CustomerSelect
              label={t("invoices.customer")}
              required
              value={customerId}
              valueLabel={customerName}
              onChange={(id, name) => {
                setCustomerId(id);
                setCustomerName(name);
              }}
              error={fieldErrors.customerId}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <DatePickerInput
              label={t("invoices.requestedIssueDate")}
              description={t("invoices.requestedIssueDateHelp")}
              valueFormat="DD/MM/YYYY"
              clearable
              value={issueDate}
              onChange={setIssueDate}
              error={fieldErrors.issueDate}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t("orders.customerReference")}
              value={customerReference}
              onChange={(e) => setCustomerReference(e.currentTarget.value)}
              error={fieldErrors.customerReference}
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("salesLines.title")}
        </Title>
        <LineEditor customerId={customerId} lines={lines} onChange={setLines} errors={lineErrors} />
      </Paper>
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending}>
          {t("invoices.createDirect")}
        </Button>
      </Group>
    </Stack>
  );
}
