import { Alert, Button, Grid, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconLinkOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { type LinesValues, emptyLine, linesProblem, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type Invoice, useCreateDirectInvoice } from "../api/invoices";

interface DirectInvoiceValues extends LinesValues {
  customerId: string | null;
  customerName: string | null;
  issueDate: string | null;
  customerReference: string;
}

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
  const create = useCreateDirectInvoice();
  const { form, submitWith, failure } = useApiForm<DirectInvoiceValues>({
    mapProblem: (error) => linesProblem(error),
    initialValues: {
      customerId: defaults?.customerId ?? null,
      customerName: defaults?.customerName ?? null,
      issueDate: null,
      customerReference: "",
      lines: [emptyLine()],
    },
    validate: { customerId: (v) => (v ? null : t("errors.required")) },
  });
  const values = form.getValues();

  const submit = submitWith(
    create,
    (v) => ({
      body: {
        customerId: v.customerId!,
        issueDate: v.issueDate,
        paymentTerms: null,
        paymentMethod: null,
        customerReference: v.customerReference.trim() === "" ? null : v.customerReference.trim(),
        headerText: null,
        footerText: null,
        comment: null,
        contactId: null,
        lines: v.lines.map(toLineRequest),
      },
    }),
    (invoice) => {
      notifications.show({ color: "green", message: t("invoices.created") });
      onCreated(invoice);
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("invoices.createDirect")}>
    <Stack>
      <Alert color="orange" variant="light" icon={<IconLinkOff size={16} />} data-testid="direct-invoice-notice">
        {t("invoices.directNotice")}
      </Alert>
      {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CustomerSelect
              label={t("invoices.customer")}
              required
              value={values.customerId}
              valueLabel={values.customerName}
              onChange={(id, name) => {
                form.setFieldValue("customerId", id);
                form.setFieldValue("customerName", name);
              }}
              error={form.errors.customerId ? String(form.errors.customerId) : undefined}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <DatePickerInput
              label={t("invoices.requestedIssueDate")}
              description={t("invoices.requestedIssueDateHelp")}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps("issueDate")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t("orders.customerReference")}
              {...form.getInputProps("customerReference")}
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("salesLines.title")}
        </Title>
        <LineEditor form={form} customerId={values.customerId} />
      </Paper>
      <Group justify="flex-end">
        <Button type="submit" loading={create.isPending}>
          {t("invoices.createDirect")}
        </Button>
      </Group>
    </Stack>
    </form>
  );
}
