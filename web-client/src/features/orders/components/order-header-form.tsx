import { Fieldset, Grid, NumberInput, Select, TextInput, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "@/api/query";
import type { components } from "@/api/schema";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { formatDate } from "@/lib/dates";
import { type Order, type PaymentMethod, orderCustomerQuery, paymentMethods, useOrderCustomer, useSalespeople } from "../api/orders";

type Schemas = components["schemas"];
const termKinds: Schemas["PaymentTermsKind"][] = ["OnReceipt", "Days", "DaysEndOfMonth", "EndOfMonthPlusDays"];

export interface HeaderValues {
  customerId: string;
  customerName: string;
  billToCustomerId: string;
  billToCustomerName: string;
  orderDate: string | null;
  paymentTermsKind: Schemas["PaymentTermsKind"];
  paymentTermsDays: number | string;
  paymentMethod: PaymentMethod;
  currency: string;
  contactId: string | null;
  customerReference: string;
  templateId: string | null;
  headerText: string;
  footerText: string;
  generalComment: string;
  salespersonId: string | null;
  plannedDeliveryDate: string | null;
  deliveryMethod: string;
  deliveryAddress: Schemas["PostalAddressDto"] | null;
  internalNotes: string;
}

export function toHeaderValues(o: Order): HeaderValues {
  return {
    customerId: o.customerId,
    customerName: o.customerName,
    billToCustomerId: o.billToCustomerId,
    billToCustomerName: o.billToCustomerName,
    orderDate: o.orderDate,
    paymentTermsKind: o.paymentTerms.kind,
    paymentTermsDays: o.paymentTerms.days,
    paymentMethod: o.paymentMethod,
    currency: o.currency,
    contactId: o.contactId,
    customerReference: o.customerReference ?? "",
    templateId: o.templateId,
    headerText: o.headerText ?? "",
    footerText: o.footerText ?? "",
    generalComment: o.generalComment ?? "",
    salespersonId: o.salespersonId,
    plannedDeliveryDate: o.plannedDeliveryDate,
    deliveryMethod: o.deliveryMethod ?? "",
    deliveryAddress: o.deliveryAddress,
    internalNotes: o.internalNotes ?? "",
  };
}

const blank = (v: string) => (v.trim() === "" ? null : v.trim());

export function toOrderHeader(v: HeaderValues): Omit<Schemas["OrderRequest"], "lines"> {
  return {
    customerId: v.customerId,
    billToCustomerId: v.billToCustomerId,
    orderDate: v.orderDate,
    paymentTerms: { kind: v.paymentTermsKind, days: v.paymentTermsKind === "OnReceipt" ? 0 : Number(v.paymentTermsDays || 0) },
    paymentMethod: v.paymentMethod,
    currency: v.currency,
    contactId: v.contactId,
    customerReference: blank(v.customerReference),
    templateId: v.templateId,
    headerText: blank(v.headerText),
    footerText: blank(v.footerText),
    generalComment: blank(v.generalComment),
    salespersonId: v.salespersonId,
    plannedDeliveryDate: v.plannedDeliveryDate,
    deliveryMethod: blank(v.deliveryMethod),
    deliveryAddress: v.deliveryAddress,
    internalNotes: blank(v.internalNotes),
  };
}

const addressLabel = (a: Schemas["PostalAddressDto"]) => [a.line1, a.line2, `${a.postalCode} ${a.city}`].filter(Boolean).join(", ");

/**
 * The order header. `frozen` (a validated order) locks the financial fields — customer, invoiced account, date,
 * payment terms and method — while the free fields stay editable.
 */
export function OrderHeaderForm({
  values,
  onChange,
  errors,
  readOnly,
  frozen,
  canListUsers,
}: {
  values: HeaderValues;
  onChange: (patch: Partial<HeaderValues>) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  frozen: boolean;
  canListUsers: boolean;
}) {
  const { t } = useTranslation();
  const customer = useOrderCustomer(values.customerId || null);
  const queryClient = useQueryClient();
  const latestPick = useRef<string | null>(null);
  /** A customer just picked brings its billing contact, once its details arrive (unless another customer was picked since). */
  function prefillContact(customerId: string | null) {
    latestPick.current = customerId;
    if (!customerId) return;
    void queryClient.fetchQuery(orderCustomerQuery(customerId)).then((picked) => {
      const billing = picked.contacts.find((c) => c.isBilling);
      if (billing && latestPick.current === customerId) onChange({ contactId: billing.id });
    });
  }
  const users = useSalespeople(canListUsers);
  const locked = readOnly || frozen;
  const lockedHint = frozen ? t("orders.frozenField") : undefined;
  // The order is numbered with its own date at validation: the picker offers only the dates the server accepts then.
  const dateRange = useApiQuery("/api/v1/numbering/{documentType}/issue-date-range", { params: { path: { documentType: "Order" } } }, { enabled: !locked }).data;
  const dateHint = !locked && dateRange ? t(`orders.orderDateEarliest.${dateRange.earliestReason}`, { date: formatDate(dateRange.earliest) }) : undefined;
  const contacts = (customer.data?.contacts ?? []).map((c) => ({ value: c.id, label: [c.firstName, c.lastName].filter(Boolean).join(" ") || (c.email ?? c.id) }));
  if (values.contactId && !contacts.some((c) => c.value === values.contactId)) contacts.unshift({ value: values.contactId, label: t("orders.unknownContact") });
  const addresses = [
    ...(customer.data?.billingAddress ? [{ key: "billing", label: t("orders.billingAddress"), address: customer.data.billingAddress }] : []),
    ...(customer.data?.deliveryAddresses ?? []).map((d) => ({ key: d.id ?? d.label, label: d.label, address: d.address })),
  ];
  const currentAddress = values.deliveryAddress ? addressLabel(values.deliveryAddress) : null;
  const addressOptions = addresses.map((a) => ({ value: addressLabel(a.address), label: `${a.label} — ${addressLabel(a.address)}` }));
  if (currentAddress && !addressOptions.some((a) => a.value === currentAddress)) addressOptions.unshift({ value: currentAddress, label: currentAddress });
  const salespeople = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (values.salespersonId && !salespeople.some((s) => s.value === values.salespersonId)) salespeople.unshift({ value: values.salespersonId, label: t("orders.salespersonSet") });

  return (
    <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Fieldset legend={t("orders.header")} mb="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CustomerSelect
              label={t("orders.customer")}
              required
              value={values.customerId}
              valueLabel={values.customerName}
              onChange={(id, name) => {
                const sameBillTo = values.billToCustomerId === values.customerId;
                prefillContact(id);
                onChange({
                  customerId: id ?? "",
                  customerName: name ?? "",
                  contactId: null,
                  deliveryAddress: null,
                  ...(sameBillTo ? { billToCustomerId: id ?? "", billToCustomerName: name ?? "" } : {}),
                });
              }}
              error={errors.customerId}
              disabled={locked}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CustomerSelect
              label={t("orders.billTo")}
              value={values.billToCustomerId}
              valueLabel={values.billToCustomerName}
              onChange={(id, name) => onChange({ billToCustomerId: id ?? values.customerId, billToCustomerName: name ?? values.customerName })}
              error={errors.billToCustomerId}
              disabled={locked}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <DatePickerInput
              label={t("orders.orderDate")}
              valueFormat="DD/MM/YYYY"
              value={values.orderDate}
              onChange={(v) => onChange({ orderDate: v })}
              error={errors.orderDate}
              disabled={locked}
              minDate={locked ? undefined : dateRange?.earliest}
              description={lockedHint ?? <span data-testid="order-date-range">{dateHint}</span>}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t("orders.paymentTerms")}
              data={termKinds.map((k) => ({ value: k, label: t(`paymentTerms.${k}`) }))}
              allowDeselect={false}
              value={values.paymentTermsKind}
              onChange={(v) => v && onChange({ paymentTermsKind: v as HeaderValues["paymentTermsKind"] })}
              error={errors.paymentTermsKind}
              disabled={locked}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <NumberInput
              label={t("orders.paymentTermsDays")}
              min={0}
              max={90}
              allowDecimal={false}
              value={values.paymentTermsDays}
              onChange={(v) => onChange({ paymentTermsDays: v })}
              error={errors.paymentTermsDays}
              disabled={locked || values.paymentTermsKind === "OnReceipt"}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Select
              label={t("orders.paymentMethod")}
              data={paymentMethods.map((m) => ({ value: m, label: t(`orders.paymentMethods.${m}`) }))}
              allowDeselect={false}
              value={values.paymentMethod}
              onChange={(v) => v && onChange({ paymentMethod: v as PaymentMethod })}
              error={errors.paymentMethod}
              disabled={locked}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput label={t("orders.currency")} value={values.currency} disabled readOnly />
          </Grid.Col>
        </Grid>
      </Fieldset>
      <Fieldset legend={t("orders.freeFields")} mb="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t("orders.customerReference")}
              value={values.customerReference}
              onChange={(e) => onChange({ customerReference: e.currentTarget.value })}
              error={errors.customerReference}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select label={t("orders.contact")} clearable data={contacts} value={values.contactId} onChange={(v) => onChange({ contactId: v })} error={errors.contactId} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t("orders.salesperson")}
              clearable
              data={salespeople}
              value={values.salespersonId}
              onChange={(v) => onChange({ salespersonId: v })}
              error={errors.salespersonId}
              disabled={readOnly || !canListUsers}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <DatePickerInput
              label={t("orders.plannedDeliveryDate")}
              valueFormat="DD/MM/YYYY"
              clearable
              value={values.plannedDeliveryDate}
              onChange={(v) => onChange({ plannedDeliveryDate: v })}
              error={errors.plannedDeliveryDate}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t("orders.deliveryMethod")}
              value={values.deliveryMethod}
              onChange={(e) => onChange({ deliveryMethod: e.currentTarget.value })}
              error={errors.deliveryMethod}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t("orders.deliveryAddress")}
              clearable
              data={addressOptions}
              value={currentAddress}
              onChange={(v) => onChange({ deliveryAddress: addresses.find((a) => addressLabel(a.address) === v)?.address ?? (v ? values.deliveryAddress : null) })}
              error={errors.deliveryAddress}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea label={t("orders.generalComment")} rows={2} value={values.generalComment} onChange={(e) => onChange({ generalComment: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea label={t("orders.internalNotes")} rows={2} value={values.internalNotes} onChange={(e) => onChange({ internalNotes: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea label={t("orders.headerText")} rows={2} value={values.headerText} onChange={(e) => onChange({ headerText: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea label={t("orders.footerText")} rows={2} value={values.footerText} onChange={(e) => onChange({ footerText: e.currentTarget.value })} />
          </Grid.Col>
        </Grid>
      </Fieldset>
    </fieldset>
  );
}
