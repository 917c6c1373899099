import { Alert, Button, Grid, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { type LineDraft, emptyLine, splitLineErrors, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type OrderCustomer, type OrderRequest, orderCustomerQuery, useCreateOrder, useOrderCustomer } from "../api/orders";

export interface OrderDefaults {
  customerId: string | null;
  customerName: string | null;
}

/** The header fields this form shows; a server error on any other field goes to the alert. */
const shownFields = ["customerId", "orderDate", "customerReference"];

/**
 * A draft order entered directly (POST /orders), not traceable to a quote. Only the customer, the date, the customer's
 * PO reference and the lines are asked here; the server fills the rest (today, payment terms, bank transfer, EUR) and
 * every other field stays editable on the draft afterwards. Totals come from the server's preview.
 */
export function OrderCreateForm({ defaults, onCreated }: { defaults?: OrderDefaults; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(defaults?.customerId ?? null);
  const [customerName, setCustomerName] = useState<string | null>(defaults?.customerName ?? null);
  const [orderDate, setOrderDate] = useState<string | null>(null);
  const [customerReference, setCustomerReference] = useState("");
  const [lines, setLines] = useState<LineDraft[]>(() => [emptyLine()]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const create = useCreateOrder();
  // The order's contact starts as the customer's billing contact (changeable on the draft afterwards): its details are
  // fetched as soon as the customer is picked, and read when the form is sent.
  useOrderCustomer(customerId);
  const queryClient = useQueryClient();

  function submit() {
    const errors: Record<string, string> = {};
    if (!customerId) errors.customerId = t("errors.required");
    setFieldErrors(errors);
    setLineErrors({});
    if (Object.keys(errors).length > 0) return;
    const customer = queryClient.getQueryData<OrderCustomer>(orderCustomerQuery(customerId).queryKey);
    const billingContactId = customer?.contacts.find((c) => c.isBilling)?.id ?? null;
    const body: OrderRequest = {
      customerId: customerId!,
      billToCustomerId: null,
      orderDate,
      paymentTerms: null,
      paymentMethod: null,
      currency: null,
      contactId: billingContactId,
      customerReference: customerReference.trim() === "" ? null : customerReference.trim(),
      templateId: null,
      headerText: null,
      footerText: null,
      generalComment: null,
      salespersonId: null,
      plannedDeliveryDate: null,
      deliveryMethod: null,
      deliveryAddress: null,
      internalNotes: null,
      lines: lines.map(toLineRequest),
    };
    create.mutate(
      { body },
      {
        onSuccess: (created) => {
          notifications.show({ color: "green", message: t("orders.created") });
          onCreated(created.id);
        },
        onError: (e) => {
          const split = splitLineErrors(e);
          setLineErrors(split.lines);
          setFieldErrors(split.other);
        },
      },
    );
  }

  const unmatched = Object.entries(fieldErrors).filter(([k]) => !shownFields.includes(k));

  return (
    <Stack>
      <Title order={2}>{t("orders.new")}</Title>

      <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="direct-order-notice">
        {t("orders.directNotice")}
      </Alert>

      {create.error && (Object.keys(lineErrors).length === 0 || unmatched.length > 0) && (
        <ProblemAlert error={create.error} extraMessages={unmatched.map(([, m]) => m)} />
      )}

      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CustomerSelect
              label={t("orders.customer")}
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
              label={t("orders.orderDate")}
              placeholder={t("orders.orderDateDefault")}
              valueFormat="DD/MM/YYYY"
              clearable
              value={orderDate}
              onChange={setOrderDate}
              error={fieldErrors.orderDate}
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
          {t("orders.createDraft")}
        </Button>
      </Group>
    </Stack>
  );
}
