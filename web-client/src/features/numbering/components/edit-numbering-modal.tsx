import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { ProblemAlert } from "@/components/ui/problem-alert";
import {
  type DocumentType,
  type NumberingSetting,
  type YearToken,
  useNumberingSetting,
  useUpdateNumberingSetting,
  yearTokens,
} from "../api/numbering";

export function EditNumberingModal({ documentType, onClose }: { documentType: DocumentType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useNumberingSetting(documentType);
  return (
    <Modal
      opened={documentType !== null}
      onClose={onClose}
      title={documentType ? t("numbering.editTitle", { type: t(`numbering.types.${documentType}`) }) : ""}
    >
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <EditNumberingForm
          key={query.data.etag ?? query.data.value.documentType}
          setting={query.data.value}
          etag={query.data.etag}
          onClose={onClose}
          onReload={() => void query.refetch()}
        />
      )}
    </Modal>
  );
}

interface FormValues {
  prefix: string;
  year: YearToken;
  separator: string;
  padding: number | string;
  resetYearly: boolean;
  firstNumber: number | string;
}

function EditNumberingForm({
  setting,
  etag,
  onClose,
  onReload,
}: {
  setting: NumberingSetting;
  etag: string | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateNumberingSetting();
  const { form, submitWith, failure } = useApiForm<FormValues>({
    initialValues: {
      prefix: setting.prefix,
      year: setting.year,
      separator: setting.separator,
      padding: setting.padding,
      resetYearly: setting.resetYearly,
      firstNumber: setting.firstNumber,
    },
    validate: {
      padding: (v) => {
        const n = Number(v);
        return v !== "" && Number.isInteger(n) && n >= 1 && n <= 10 ? null : t("numbering.paddingRange");
      },
      firstNumber: (v) => {
        const n = Number(v);
        return v !== "" && Number.isInteger(n) && n >= 1 ? null : t("numbering.firstNumberMin");
      },
    },
  });

  const submit = submitWith(
    update,
    (values) => ({
      documentType: setting.documentType,
      etag,
      body: {
        prefix: values.prefix.trim(),
        year: values.year,
        separator: values.separator,
        padding: Number(values.padding),
        resetYearly: values.resetYearly,
        firstNumber: Number(values.firstNumber),
      },
    }),
    (saved) => {
      notifications.show({ color: "green", message: t("numbering.saved", { example: saved.example }) });
      onClose();
    },
  );

  return (
    <form noValidate onSubmit={submit} aria-label={t("numbering.formLabel")}>
      <fieldset disabled={setting.locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          {setting.locked && (
            <Alert color="gray" icon={<IconLock size={18} />} title={t("numbering.locked")}>
              {t("numbering.lockedHelp")}
            </Alert>
          )}
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("numbering.prefix")} maxLength={20} {...form.getInputProps("prefix")} />
            <Select
              label={t("numbering.year")}
              data={yearTokens.map((y) => ({ value: y, label: t(`numbering.years.${y}`) }))}
              allowDeselect={false}
              {...form.getInputProps("year")}
            />
            <TextInput label={t("numbering.separator")} maxLength={3} {...form.getInputProps("separator")} />
            <NumberInput label={t("numbering.padding")} min={1} max={10} allowDecimal={false} allowNegative={false} {...form.getInputProps("padding")} />
            <NumberInput label={t("numbering.firstNumber")} min={1} allowDecimal={false} allowNegative={false} {...form.getInputProps("firstNumber")} />
          </SimpleGrid>
          <Switch label={t("numbering.resetYearly")} {...form.getInputProps("resetYearly", { type: "checkbox" })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={setting.locked}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
