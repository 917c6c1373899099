import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { randomId } from "@mantine/hooks";
import type { UseFormReturnType } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm, withDottedIndexes } from "@/components/forms/use-api-form";
import type { components } from "@/api/schema";
import { ProblemAlert } from "@/components/ui/problem-alert";
import {
  type Customer,
  type CustomerKind,
  type UpdateCustomerBody,
  type VersionedCustomer,
  customerKinds,
  customerVatRegimes,
  useCreateCustomer,
  useUpdateCustomer,
} from "../api/customers";

type PaymentTermsKind = components["schemas"]["PaymentTermsKind"];
const paymentTermKinds: PaymentTermsKind[] = ["OnReceipt", "Days", "DaysEndOfMonth", "EndOfMonthPlusDays"];
export const customerCountryCodes = ["FR", "BE", "DE", "ES", "IT", "LU", "NL", "CH", "GB", "US", "MC", "PT", "IE", "AT", "CA"];
const automatic = "auto";

interface AddressValues {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  countryCode: string;
}

interface ContactValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
}

interface FormValues {
  kind: CustomerKind;
  name: string;
  countryCode: string;
  vatRegime: string;
  siren: string;
  siret: string;
  vatNumber: string;
  billingAddress: AddressValues;
  /**
   * The billing address follows the customer's country (one "Pays" field), except for a customer saved with a billing
   * address in another country: that address keeps its own field, so saving the form never moves it silently.
   */
  billingCountryOwn: boolean;
  deliveryAddresses: { key: string; id: string | null; label: string; address: AddressValues }[];
  paymentTermsOverride: boolean;
  paymentTerms: { kind: PaymentTermsKind; days: number | string };
  accountingCode: string;
  notes: string;
  /** Only when creating: the first contact, optional. Later contacts are managed on the customer's page. */
  contacts: ContactValues[];
}

const emptyAddress = (countryCode = "FR"): AddressValues => ({ line1: "", line2: "", postalCode: "", city: "", countryCode });

function toAddressValues(a: components["schemas"]["PostalAddressDto"] | null, fallbackCountry: string): AddressValues {
  if (!a) return emptyAddress(fallbackCountry);
  return { line1: a.line1, line2: a.line2 ?? "", postalCode: a.postalCode, city: a.city, countryCode: a.countryCode || fallbackCountry };
}

function toFormValues(c: Customer | null): FormValues {
  if (!c) {
    return {
      kind: "Business",
      name: "",
      countryCode: "FR",
      vatRegime: automatic,
      siren: "",
      siret: "",
      vatNumber: "",
      billingAddress: emptyAddress(),
      billingCountryOwn: false,
      deliveryAddresses: [],
      paymentTermsOverride: false,
      paymentTerms: { kind: "Days", days: 30 },
      accountingCode: "",
      notes: "",
      contacts: [{ firstName: "", lastName: "", email: "", phone: "", jobTitle: "" }],
    };
  }
  return {
    kind: c.kind,
    name: c.name,
    countryCode: c.countryCode,
    vatRegime: c.vatRegime ?? automatic,
    siren: c.siren ?? "",
    siret: c.siret ?? "",
    vatNumber: c.vatNumber ?? "",
    billingAddress: toAddressValues(c.billingAddress, c.countryCode),
    billingCountryOwn: c.billingAddress !== null && c.billingAddress.countryCode !== c.countryCode,
    deliveryAddresses: c.deliveryAddresses.map((d) => ({ key: d.id ?? randomId(), id: d.id, label: d.label, address: toAddressValues(d.address, c.countryCode) })),
    paymentTermsOverride: c.paymentTerms !== null,
    paymentTerms: c.paymentTerms ? { kind: c.paymentTerms.kind, days: c.paymentTerms.days } : { kind: "Days", days: 30 },
    accountingCode: c.accountingCode,
    notes: c.notes ?? "",
    contacts: [],
  };
}

const trimToNull = (v: string) => (v.trim() === "" ? null : v.trim());
const compact = (v: string) => trimToNull(v.replace(/\s/g, ""));
const isBlank = (a: AddressValues) => !a.line1.trim() && !a.line2.trim() && !a.postalCode.trim() && !a.city.trim();

function toAddress(a: AddressValues) {
  return { line1: a.line1.trim(), line2: trimToNull(a.line2), postalCode: a.postalCode.trim(), city: a.city.trim(), countryCode: a.countryCode };
}

function toRequest(v: FormValues): UpdateCustomerBody {
  return {
    kind: v.kind,
    name: v.name.trim(),
    countryCode: v.countryCode,
    vatRegime: v.vatRegime === automatic ? null : (v.vatRegime as UpdateCustomerBody["vatRegime"]),
    siren: compact(v.siren),
    siret: compact(v.siret),
    vatNumber: compact(v.vatNumber)?.toUpperCase() ?? null,
    billingAddress: isBlank(v.billingAddress) ? null : toAddress(v.billingCountryOwn ? v.billingAddress : { ...v.billingAddress, countryCode: v.countryCode }),
    deliveryAddresses: v.deliveryAddresses.map((d) => ({ id: d.id, label: d.label.trim(), address: toAddress(d.address) })),
    paymentTerms: v.paymentTermsOverride
      ? { kind: v.paymentTerms.kind, days: v.paymentTerms.kind === "OnReceipt" ? 0 : Number(v.paymentTerms.days || 0) }
      : null,
    accountingCode: trimToNull(v.accountingCode),
    notes: trimToNull(v.notes),
  };
}

function toContacts(v: FormValues) {
  return v.contacts
    .filter((c) => Object.values(c).some((x) => x.trim() !== ""))
    .map((c) => ({
      firstName: trimToNull(c.firstName),
      lastName: trimToNull(c.lastName),
      email: trimToNull(c.email),
      phone: trimToNull(c.phone),
      jobTitle: trimToNull(c.jobTitle),
      isBilling: true,
    }));
}


/**
 * Creates a customer (no `initial`) or edits one. The ETag the form was loaded with is kept here: a
 * background refetch must not let the form silently overwrite someone else's save.
 */
export function CustomerForm({
  initial,
  onSaved,
  onCancel,
  onReload,
}: {
  initial: VersionedCustomer | null;
  onSaved: (customer: Customer) => void;
  onCancel: () => void;
  onReload?: () => Promise<VersionedCustomer | undefined>;
}) {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const [etag, setEtag] = useState(initial?.etag ?? null);
  const editing = initial !== null;

  const { form, submitWith, failure, clearFailure } = useApiForm<FormValues>({
    mapProblem: withDottedIndexes,
    initialValues: toFormValues(initial?.value ?? null),
    validate: {
      name: (v) => (v.trim() ? null : t("errors.required")),
      siren: (v) => (v.trim() === "" || /^\d{9}$/.test(v.replace(/\s/g, "")) ? null : t("customers.sirenFormat")),
      siret: (v) => (v.trim() === "" || /^\d{14}$/.test(v.replace(/\s/g, "")) ? null : t("customers.siretFormat")),
      deliveryAddresses: {
        label: (v) => (v.trim() ? null : t("errors.required")),
      },
    },
  });
  const values = form.getValues();

  async function reload() {
    const fresh = await onReload?.();
    if (!fresh) return;
    setEtag(fresh.etag);
    const next = toFormValues(fresh.value);
    form.setInitialValues(next);
    form.setValues(next);
    form.clearErrors();
    update.reset();
    clearFailure();
  }

  const submit = editing
    ? submitWith(
        update,
        (v) => ({ id: initial.value.id, body: toRequest(v), etag }),
        (saved) => {
          setEtag(saved.etag);
          notifications.show({ color: "green", message: t("customers.saved", { name: saved.value.name }) });
          onSaved(saved.value);
        },
      )
    : submitWith(
        create,
        (v) => ({ ...toRequest(v), contacts: toContacts(v) }),
        (saved) => {
          notifications.show({ color: "green", message: t("customers.created", { name: saved.value.name }) });
          onSaved(saved.value);
        },
      );

  const countries = customerCountryCodes.map((c) => ({ value: c, label: `${t(`countries.${c}`)} (${c})` }));
  const regimeHelp = values.vatRegime === automatic ? t("vatRegimes.autoHelp") : t(`vatRegimes.${values.vatRegime}Help`);

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? t("customers.edit") : t("customers.create")}>
      <Stack gap="lg">
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={editing ? () => void reload() : undefined} />}

        <Fieldset legend={t("customers.identity")}>
          <Stack>
            <SegmentedControl
              aria-label={t("customers.kind")}
              data={customerKinds.map((k) => ({ value: k, label: t(`customerKinds.${k}`) }))}
              {...form.getInputProps("kind")}
              w="fit-content"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t("customers.nameLabel")} required {...form.getInputProps("name")} />
              <Select
                label={t("customers.country")}
                data={countries}
                allowDeselect={false}
                searchable
                {...form.getInputProps("countryCode")}
              />
              <Select
                label={t("customers.vatRegime")}
                description={regimeHelp}
                data={[
                  { value: automatic, label: t("vatRegimes.auto") },
                  ...customerVatRegimes.map((r) => ({ value: r, label: t(`vatRegimes.${r}`) })),
                ]}
                allowDeselect={false}
                {...form.getInputProps("vatRegime")}
              />
              <TextInput label={t("customers.vatNumber")} placeholder="FR00123456789" {...form.getInputProps("vatNumber")} />
              {values.kind === "Business" && (
                <>
                  <TextInput label={t("customers.siren")} inputMode="numeric" maxLength={11} {...form.getInputProps("siren")} />
                  <TextInput label={t("customers.siret")} inputMode="numeric" maxLength={17} {...form.getInputProps("siret")} />
                </>
              )}
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("customers.billingAddress")}>
          <AddressFields form={form} path="billingAddress" countries={values.billingCountryOwn ? countries : null} />
        </Fieldset>

        <Fieldset legend={t("customers.deliveryAddresses")}>
          <Stack>
            {values.deliveryAddresses.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("customers.noDeliveryAddress")}
              </Text>
            )}
            {values.deliveryAddresses.map((d, index) => (
              <Stack key={d.key} gap="xs" p="sm" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}>
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t("customers.deliveryLabel")}
                    placeholder={t("customers.deliveryLabelPlaceholder")}
                    required
                    style={{ flex: 1 }}
                    {...form.getInputProps(`deliveryAddresses.${index}.label`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t("customers.removeDeliveryAddress", { index: index + 1 })}
                    onClick={() => form.removeListItem("deliveryAddresses", index)}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
                <AddressFields form={form} path={`deliveryAddresses.${index}.address`} countries={countries} />
              </Stack>
            ))}
            <Button
              variant="light"
              w="fit-content"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                form.insertListItem("deliveryAddresses", { key: randomId(), id: null, label: "", address: emptyAddress(values.countryCode) })
              }
            >
              {t("customers.addDeliveryAddress")}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("customers.invoicing")}>
          <Stack>
            <Switch
              label={t("customers.paymentTermsOverride")}
              description={t("customers.paymentTermsOverrideHelp")}
              {...form.getInputProps("paymentTermsOverride", { type: "checkbox" })}
            />
            {values.paymentTermsOverride && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t("customers.paymentTermsKind")}
                  data={paymentTermKinds.map((k) => ({ value: k, label: t(`paymentTerms.${k}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps("paymentTerms.kind")}
                />
                <NumberInput
                  label={t("customers.paymentTermsDays")}
                  min={0}
                  max={90}
                  allowDecimal={false}
                  disabled={values.paymentTerms.kind === "OnReceipt"}
                  {...form.getInputProps("paymentTerms.days")}
                />
              </SimpleGrid>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("customers.accountingCode")}
                placeholder={t("customers.accountingCodePlaceholder")}
                {...form.getInputProps("accountingCode")}
              />
            </SimpleGrid>
            <Textarea label={t("customers.notes")} rows={3} {...form.getInputProps("notes")} />
          </Stack>
        </Fieldset>

        {!editing && (
          <Fieldset legend={t("customers.firstContact")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t("contacts.firstName")} {...form.getInputProps("contacts.0.firstName")} />
              <TextInput label={t("contacts.lastName")} {...form.getInputProps("contacts.0.lastName")} />
              <TextInput label={t("contacts.email")} type="email" {...form.getInputProps("contacts.0.email")} />
              <TextInput label={t("contacts.phone")} type="tel" {...form.getInputProps("contacts.0.phone")} />
              <TextInput label={t("contacts.jobTitle")} {...form.getInputProps("contacts.0.jobTitle")} />
            </SimpleGrid>
          </Fieldset>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={create.isPending || update.isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing ? t("common.save") : t("common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type CustomerFormApi = { getInputProps: (path: string) => ReturnType<UseFormReturnType<FormValues>["getInputProps"]> };

/** `countries` null: the address is in the customer's country (the billing address), so no second "Pays" field. */
function AddressFields({ form, path, countries }: { form: CustomerFormApi; path: string; countries: { value: string; label: string }[] | null }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t("company.line1")} {...form.getInputProps(`${path}.line1`)} />
      <TextInput label={t("company.line2")} {...form.getInputProps(`${path}.line2`)} />
      <TextInput label={t("company.postalCode")} {...form.getInputProps(`${path}.postalCode`)} />
      <TextInput label={t("company.city")} {...form.getInputProps(`${path}.city`)} />
      {countries && <Select label={t("customers.country")} data={countries} allowDeselect={false} searchable {...form.getInputProps(`${path}.countryCode`)} />}
    </SimpleGrid>
  );
}
