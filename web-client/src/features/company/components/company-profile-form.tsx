import {
  Button,
  Divider,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { monthName } from "@/lib/dates";
import {
  type CompanyProfile,
  type LegalForm,
  type UpdateCompanyProfile,
  type VersionedCompanyProfile,
  useUpdateCompanyProfile,
} from "../api/company-profile";
import { CompanyLogo } from "./company-logo";

const legalForms: NonNullable<LegalForm>[] = ["Sas", "Sasu", "Sarl", "Eurl", "Sa", "Snc", "Ei", "MicroEntreprise", "Association", "Other"];
const paymentTermKinds = ["OnReceipt", "Days", "DaysEndOfMonth", "EndOfMonthPlusDays"] as const;
const countryCodes = ["FR", "BE", "LU", "CH", "MC", "DE", "ES", "IT", "NL", "PT", "GB", "IE", "AT", "US", "CA"];
const timeZones = ["Europe/Paris", "Europe/Brussels", "Europe/Luxembourg", "Europe/Zurich", "Europe/Monaco", "America/Martinique", "America/Guadeloupe", "America/Cayenne", "Indian/Reunion", "Indian/Mayotte", "Pacific/Noumea", "Pacific/Tahiti", "UTC"];

type PaymentTermsKind = (typeof paymentTermKinds)[number];

interface FormValues {
  legalName: string;
  legalForm: string;
  shareCapital: number | string;
  siren: string;
  vatNumber: string;
  rcsCity: string;
  address: { line1: string; line2: string; postalCode: string; city: string; countryCode: string };
  iban: string;
  bic: string;
  defaultPaymentTerms: { kind: PaymentTermsKind; days: number | string };
  latePaymentPenaltyRate: number | string;
  timeZone: string;
  fiscalYearStartMonth: string;
  vatFranchise: boolean;
  vatOnDebits: boolean;
}

function toFormValues(p: CompanyProfile): FormValues {
  return {
    legalName: p.legalName,
    legalForm: p.legalForm ?? "",
    shareCapital: p.shareCapital ?? "",
    siren: p.siren ?? "",
    vatNumber: p.vatNumber ?? "",
    rcsCity: p.rcsCity ?? "",
    address: {
      line1: p.address?.line1 ?? "",
      line2: p.address?.line2 ?? "",
      postalCode: p.address?.postalCode ?? "",
      city: p.address?.city ?? "",
      countryCode: p.address?.countryCode || "FR",
    },
    iban: p.iban ?? "",
    bic: p.bic ?? "",
    defaultPaymentTerms: { kind: p.defaultPaymentTerms.kind as PaymentTermsKind, days: p.defaultPaymentTerms.days },
    latePaymentPenaltyRate: p.latePaymentPenaltyRate,
    timeZone: p.timeZone || "Europe/Paris",
    fiscalYearStartMonth: String(p.fiscalYearStartMonth || 1),
    vatFranchise: p.vatFranchise,
    vatOnDebits: p.vatOnDebits,
  };
}

const blankToNull = (v: string) => (v.trim() === "" ? null : v.trim());
const toNumber = (v: number | string, fallback: number) => (typeof v === "number" ? v : v === "" ? fallback : Number(v));

function toRequest(v: FormValues): UpdateCompanyProfile {
  return {
    legalName: v.legalName.trim(),
    legalForm: v.legalForm === "" ? null : (v.legalForm as LegalForm),
    shareCapital: v.shareCapital === "" ? null : toNumber(v.shareCapital, 0),
    siren: v.siren.replace(/\s/g, ""),
    vatNumber: blankToNull(v.vatNumber.replace(/\s/g, "")),
    rcsCity: blankToNull(v.rcsCity),
    address: {
      line1: v.address.line1.trim(),
      line2: blankToNull(v.address.line2),
      postalCode: v.address.postalCode.trim(),
      city: v.address.city.trim(),
      countryCode: v.address.countryCode,
    },
    iban: blankToNull(v.iban.replace(/\s/g, "").toUpperCase()),
    bic: blankToNull(v.bic.replace(/\s/g, "").toUpperCase()),
    defaultPaymentTerms: {
      kind: v.defaultPaymentTerms.kind,
      days: v.defaultPaymentTerms.kind === "OnReceipt" ? 0 : toNumber(v.defaultPaymentTerms.days, 0),
    },
    latePaymentPenaltyRate: toNumber(v.latePaymentPenaltyRate, 0),
    timeZone: v.timeZone,
    fiscalYearStartMonth: Number(v.fiscalYearStartMonth),
    vatFranchise: v.vatFranchise,
    vatOnDebits: v.vatOnDebits,
  };
}

/**
 * Edits the company profile. The ETag the form was loaded with is kept here, not re-read from the cache
 * on every refetch: a background refetch must not let this form silently overwrite someone else's save.
 */
export function CompanyProfileForm({
  initial,
  current,
  readOnly,
  onReload,
}: {
  initial: VersionedCompanyProfile;
  /** The latest profile in the cache (for the logo, which is saved on its own). */
  current: CompanyProfile;
  readOnly: boolean;
  onReload: () => Promise<VersionedCompanyProfile | undefined>;
}) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCompanyProfile();
  const [etag, setEtag] = useState(initial.etag);
  const { form, submitWith, failure, clearFailure } = useApiForm<FormValues>({
    initialValues: toFormValues(initial.value),
    validate: {
      legalName: (v) => (v.trim() ? null : t("errors.required")),
      siren: (v) => (/^\d{9}$/.test(v.replace(/\s/g, "")) ? null : t("company.sirenFormat")),
      address: {
        line1: (v) => (v.trim() ? null : t("errors.required")),
        postalCode: (v) => (v.trim() ? null : t("errors.required")),
        city: (v) => (v.trim() ? null : t("errors.required")),
      },
    },
  });

  const kind = form.getValues().defaultPaymentTerms.kind;

  async function reload() {
    const fresh = await onReload();
    if (!fresh) return;
    setEtag(fresh.etag);
    const values = toFormValues(fresh.value);
    form.setInitialValues(values);
    form.setValues(values);
    form.clearErrors();
    update.reset();
    clearFailure();
  }

  /** Our own logo change bumps the record version; adopt it without touching the fields being edited. */
  async function adoptLatestVersion() {
    const fresh = await onReload();
    if (fresh) setEtag(fresh.etag);
  }

  const submit = submitWith(
    update,
    (values) => ({ body: toRequest(values), etag }),
    (saved) => {
      setEtag(saved.etag);
      const next = toFormValues(saved.value);
      form.setInitialValues(next);
      form.setValues(next);
      notifications.show({ color: "green", title: t("company.saved"), message: t("company.savedDetail") });
    },
  );

  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, i18n.language) }));

  return (
    <form onSubmit={submit} noValidate aria-label={t("company.title")}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {readOnly && (
            <Text c="dimmed" size="sm" data-testid="read-only-notice">
              {t("company.readOnly")}
            </Text>
          )}
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={() => void reload()} />}

          <CompanyLogo
            hasLogo={current.hasLogo}
            version={current.updatedAt}
            readOnly={readOnly}
            onChanged={() => void adoptLatestVersion()}
          />

          <Fieldset legend={t("company.identity")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t("company.legalName")} required {...form.getInputProps("legalName")} />
              <Select
                label={t("company.legalForm")}
                data={legalForms.map((f) => ({ value: f, label: t(`legalForms.${f}`) }))}
                {...form.getInputProps("legalForm")}
              />
              <NumberInput
                label={t("company.shareCapital")}
                decimalScale={2}
                fixedDecimalScale
                decimalSeparator=","
                thousandSeparator={"\u202f"}
                min={0}
                suffix=" €"
                {...form.getInputProps("shareCapital")}
              />
              <TextInput label={t("company.siren")} required inputMode="numeric" maxLength={11} {...form.getInputProps("siren")} />
              <TextInput label={t("company.vatNumber")} placeholder="FR00123456789" {...form.getInputProps("vatNumber")} />
              <TextInput label={t("company.rcsCity")} {...form.getInputProps("rcsCity")} />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t("company.address")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t("company.line1")} required {...form.getInputProps("address.line1")} />
              <TextInput label={t("company.line2")} {...form.getInputProps("address.line2")} />
              <TextInput label={t("company.postalCode")} required {...form.getInputProps("address.postalCode")} />
              <TextInput label={t("company.city")} required {...form.getInputProps("address.city")} />
              <Select
                label={t("company.country")}
                data={countryCodes.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
                allowDeselect={false}
                searchable
                {...form.getInputProps("address.countryCode")}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t("company.bank")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t("company.iban")} placeholder="FR76 …" {...form.getInputProps("iban")} />
              <TextInput label={t("company.bic")} {...form.getInputProps("bic")} />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t("company.invoicing")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("company.paymentTermsKind")}
                data={paymentTermKinds.map((k) => ({ value: k, label: t(`paymentTerms.${k}`) }))}
                allowDeselect={false}
                {...form.getInputProps("defaultPaymentTerms.kind")}
              />
              <NumberInput
                label={t("company.paymentTermsDays")}
                min={0}
                max={90}
                allowDecimal={false}
                disabled={readOnly || kind === "OnReceipt"}
                {...form.getInputProps("defaultPaymentTerms.days")}
              />
              <NumberInput
                label={t("company.latePaymentPenaltyRate")}
                description={t("company.latePaymentPenaltyRateHelp")}
                decimalScale={2}
                decimalSeparator=","
                min={0}
                suffix=" %"
                {...form.getInputProps("latePaymentPenaltyRate")}
              />
              <Select
                label={t("company.fiscalYearStartMonth")}
                data={months}
                allowDeselect={false}
                {...form.getInputProps("fiscalYearStartMonth")}
              />
              <Select label={t("company.timeZone")} data={timeZones} allowDeselect={false} searchable {...form.getInputProps("timeZone")} />
            </SimpleGrid>
            <Divider my="md" />
            <Stack gap="sm">
              <Switch
                label={t("company.vatFranchise")}
                description={t("company.vatFranchiseHelp")}
                {...form.getInputProps("vatFranchise", { type: "checkbox" })}
              />
              <Switch
                label={t("company.vatOnDebits")}
                description={t("company.vatOnDebitsHelp")}
                {...form.getInputProps("vatOnDebits", { type: "checkbox" })}
              />
            </Stack>
          </Fieldset>

          <Group justify="flex-end">
            {!readOnly && (
              <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || update.isPending}>
                {t("common.cancel")}
              </Button>
            )}
            <Button type="submit" loading={update.isPending} disabled={readOnly}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
