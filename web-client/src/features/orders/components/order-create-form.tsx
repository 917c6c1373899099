import { Alert, Button, Grid, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { type LinesValues, emptyLine, linesProblem, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type OrderCustomer, type OrderRequest, orderCustomerQuery, useCreateOrder, useOrderCustomer } from "../api/orders";

export interface OrderDefaults {
  customerId: string | null;
  customerName: string | null;
}

interface OrderCreateValues extends LinesValues {
  customerId: string | null;
  customerName: string | null;
  orderDate: string | null;
  customerReference: string;
}

/**
 * A draft order entered directly (POST /orders), not traceable to a quote. Only the customer, the date, the customer's
 * PO reference and the lines are asked here; the server fills the rest (today, payment terms, bank transfer, EUR) and
 * every other field stays editable on the draft afterwards. Totals come from the server's preview.
 */
export function OrderCreateForm({ defaults, onCreated }: { defaults?: OrderDefaults; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateOrder();
  const { form, submitWith, failure } = useApiForm<OrderCreateValues>({
    mapProblem: (error) => linesProblem(error),
    initialValues: {
      customerId: defaults?.customerId ?? null,
      customerName: defaults?.customerName ?? null,
      orderDate: null,
      customerReference: "",
      lines: [emptyLine()],
    },
    validate: { customerId: (v) => (v ? null : t("errors.required")) },
  });
  const values = form.getValues();
  // The order's contact starts as the customer's billing contact (changeable on the draft afterwards): its details are
  // fetched as soon as the customer is picked, and read when the form is sent.
  useOrderCustomer(values.customerId);
  const queryClient = useQueryClient();

  const submit = submitWith(
    create,
    (v): { body: OrderRequest } => {
      const customer = queryClient.getQueryData<OrderCustomer>(orderCustomerQuery(v.customerId).queryKey);
      const billingContactId = customer?.contacts.find((c) => c.isBilling)?.id ?? null;
      return {
        body: {
          customerId: v.customerId!,
          billToCustomerId: null,
          orderDate: v.orderDate,
          paymentTerms: null,
          paymentMethod: null,
          currency: null,
          contactId: billingContactId,
          customerReference: v.customerReference.trim() === "" ? null : v.customerReference.trim(),
          templateId: null,
          headerText: null,
          footerText: null,
          generalComment: null,
          salespersonId: null,
          plannedDeliveryDate: null,
          deliveryMethod: null,
          deliveryAddress: null,
          internalNotes: null,
          lines: v.lines.map(toLineRequest),
        },
      };
    },
    (created) => {
      notifications.show({ color: "green", message: t("orders.created") });
      onCreated(created.id);
    },
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("orders.new")}>
    <Stack>
      <Title order={2}>{t("orders.new")}</Title>

      <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="direct-order-notice">
        {t("orders.directNotice")}
      </Alert>

      {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}

      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CustomerSelect
              label={t("orders.customer")}
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
              label={t("orders.orderDate")}
              placeholder={t("orders.orderDateDefault")}
              valueFormat="DD/MM/YYYY"
              clearable
              {...form.getInputProps("orderDate")}
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
          {t("orders.createDraft")}
        </Button>
      </Group>
    </Stack>
    </form>
  );
}
