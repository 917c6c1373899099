import { Button, Checkbox, Fieldset, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import {
  type ContractPeriodicity,
  type Product,
  type ProductBody,
  type ProductNature,
  type VersionedProduct,
  contractPeriodicities,
  productNatures,
  useCreateProduct,
  useUnitCodes,
  useUpdateProduct,
  vatRates,
} from "../api/products";
import { formatVatRate } from "./product-format";

interface FormValues {
  code: string;
  name: string;
  description: string;
  unitCode: string;
  unitPrice: number | string;
  /** The rate as a string ("5.5"): Select values are strings. */
  vatRate: string;
  vatExemptionReason: string;
  nature: ProductNature;
  forSale: boolean;
  deliverable: boolean;
  isContract: boolean;
  contractPeriodicity: ContractPeriodicity;
  contractTermMonths: number | string;
}

function toFormValues(p: Product | null): FormValues {
  return {
    code: p?.code ?? "",
    name: p?.name ?? "",
    description: p?.description ?? "",
    unitCode: p?.unitCode ?? "C62",
    unitPrice: p?.unitPrice ?? "",
    vatRate: String(p?.vatRate ?? 20),
    vatExemptionReason: p?.vatExemptionReason ?? "",
    nature: p?.nature ?? "Service",
    forSale: p?.forSale ?? true,
    deliverable: p?.deliverable ?? false,
    isContract: p?.isContract ?? false,
    contractPeriodicity: p?.contractPeriodicity ?? "Monthly",
    contractTermMonths: p?.contractTermMonths ?? 12,
  };
}

const trimToNull = (v: string) => (v.trim() === "" ? null : v.trim());

function toRequest(v: FormValues): ProductBody {
  const exempt = Number(v.vatRate) === 0;
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    description: trimToNull(v.description),
    unitCode: v.unitCode,
    // The value typed, passed through as is: the API stores and rounds prices.
    unitPrice: typeof v.unitPrice === "number" ? v.unitPrice : Number(v.unitPrice),
    vatRate: Number(v.vatRate),
    vatExemptionReason: exempt ? trimToNull(v.vatExemptionReason) : null,
    nature: v.nature,
    forSale: v.forSale,
    deliverable: v.deliverable,
    isContract: v.isContract,
    contractPeriodicity: v.isContract ? v.contractPeriodicity : null,
    contractTermMonths: v.isContract ? Number(v.contractTermMonths) : null,
  };
}

export function ProductForm({
  initial,
  readOnly,
  onSaved,
  onCancel,
  onReload,
}: {
  initial: VersionedProduct | null;
  readOnly: boolean;
  onSaved: (product: Product) => void;
  onCancel: () => void;
  onReload?: () => Promise<VersionedProduct | undefined>;
}) {
  const { t } = useTranslation();
  const units = useUnitCodes();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const [etag, setEtag] = useState(initial?.etag ?? null);
  const editing = initial !== null;
  const mutation = editing ? update : create;

  const { form, submitWith, failure, clearFailure } = useApiForm<FormValues>({
    initialValues: toFormValues(initial?.value ?? null),
    validate: {
      code: (v) => (v.trim() ? null : t("errors.required")),
      name: (v) => (v.trim() ? null : t("errors.required")),
      unitPrice: (v) => (v === "" ? t("errors.required") : Number(v) < 0 ? t("products.priceNegative") : null),
      vatExemptionReason: (v, values) => (Number(values.vatRate) === 0 && !v.trim() ? t("products.exemptionRequired") : null),
      contractTermMonths: (v, values) =>
        !values.isContract || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 120) ? null : t("products.termRange"),
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
        (v) => ({ id: initial.value.id, etag, body: toRequest(v) }),
        (saved) => {
          setEtag(saved.etag);
          const next = toFormValues(saved.value);
          form.setInitialValues(next);
          form.setValues(next);
          notifications.show({ color: "green", message: t("products.saved", { name: saved.value.name }) });
          onSaved(saved.value);
        },
      )
    : submitWith(
        create,
        (v) => ({ body: toRequest(v) }),
        (saved) => {
          notifications.show({ color: "green", message: t("products.created", { name: saved.name }) });
          onSaved(saved);
        },
      );

  const unitData = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.label} (${u.code})` }));
  if (units.isPending && values.unitCode && initial) unitData.push({ value: values.unitCode, label: initial.value.unitLabel });

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? t("products.edit") : t("products.create")}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={editing ? () => void reload() : undefined} />}
          {units.isError && <ProblemAlert error={units.error} onRetry={() => void units.refetch()} />}
          <Fieldset legend={t("products.identity")}>
            <Stack>
              <SegmentedControl
                aria-label={t("products.nature")}
                data={productNatures.map((n) => ({ value: n, label: t(`productNatures.${n}`) }))}
                disabled={readOnly}
                w="fit-content"
                {...form.getInputProps("nature")}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t("products.code")} required {...form.getInputProps("code")} />
                <TextInput label={t("products.name")} required {...form.getInputProps("name")} />
              </SimpleGrid>
              <Textarea label={t("products.description")} rows={3} {...form.getInputProps("description")} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t("products.pricing")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t("products.unitPrice")}
                description={t("products.unitPriceHelp")}
                required
                decimalScale={4}
                decimalSeparator=","
                thousandSeparator={"\u202f"}
                min={0}
                suffix=" €"
                {...form.getInputProps("unitPrice")}
              />
              <Select
                label={t("products.unit")}
                data={unitData}
                searchable
                allowDeselect={false}
                nothingFoundMessage={t("products.noUnit")}
                {...form.getInputProps("unitCode")}
              />
              <Select
                label={t("products.vatRate")}
                data={vatRates.map((r) => ({ value: String(r), label: formatVatRate(r) }))}
                allowDeselect={false}
                {...form.getInputProps("vatRate")}
              />
              {Number(values.vatRate) === 0 && (
                <TextInput
                  label={t("products.vatExemptionReason")}
                  description={t("products.vatExemptionReasonHelp")}
                  placeholder={t("products.vatExemptionReasonPlaceholder")}
                  required
                  {...form.getInputProps("vatExemptionReason")}
                />
              )}
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t("products.usage")}>
            <Stack>
              <Group>
                <Checkbox label={t("products.forSale")} {...form.getInputProps("forSale", { type: "checkbox" })} />
                <Checkbox label={t("products.deliverable")} {...form.getInputProps("deliverable", { type: "checkbox" })} />
                <Checkbox label={t("products.isContract")} {...form.getInputProps("isContract", { type: "checkbox" })} />
              </Group>
              {values.isContract && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t("products.contractPeriodicity")}
                    data={contractPeriodicities.map((p) => ({ value: p, label: t(`periodicities.${p}`) }))}
                    allowDeselect={false}
                    {...form.getInputProps("contractPeriodicity")}
                  />
                  <NumberInput
                    label={t("products.contractTermMonths")}
                    min={1}
                    max={120}
                    allowDecimal={false}
                    {...form.getInputProps("contractTermMonths")}
                  />
                </SimpleGrid>
              )}
            </Stack>
          </Fieldset>

          {!readOnly && (
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {editing ? t("common.save") : t("common.create")}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
