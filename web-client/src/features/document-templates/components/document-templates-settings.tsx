import { Alert, Box, Button, ColorInput, FileButton, Grid, Group, Loader, Paper, SegmentedControl, Stack, Switch, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPhoto, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { ProblemAlert } from "@/components/ui/problem-alert";
import {
  type DocumentTemplate,
  type DocumentTemplateRequest,
  type PrintableKind,
  templateKinds,
  useDocumentTemplate,
  useRemoveTemplateLogo,
  useTemplatePreview,
  useUpdateDocumentTemplate,
  useUploadTemplateLogo,
} from "../api/document-templates";

export function DocumentTemplatesSettings({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PrintableKind>("Invoice");
  const query = useDocumentTemplate(kind);
  return (
    <Stack>
      <div>
        <Title order={3}>{t("documentTemplates.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("documentTemplates.description")}
        </Text>
      </div>
      {!canWrite && (
        <Alert color="gray" data-testid="templates-read-only">
          {t("documentTemplates.readOnly")}
        </Alert>
      )}
      <SegmentedControl
        aria-label={t("documentTemplates.kind")}
        value={kind}
        onChange={(v) => setKind(v as PrintableKind)}
        data={templateKinds.map((k) => ({ value: k, label: t(`documentTemplates.kinds.${k}`) }))}
        fullWidth
      />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <TemplateForm
          key={`${kind}-${query.data.etag ?? ""}`}
          kind={kind}
          template={query.data.value}
          etag={query.data.etag}
          canWrite={canWrite}
          onReload={() => void query.refetch()}
        />
      )}
    </Stack>
  );
}

interface FormValues {
  accentColor: string;
  showLogo: boolean;
  headerText: string;
  footerText: string;
  showBankDetails: boolean;
  termsAndConditions: string;
  emailSubject: string;
  emailBody: string;
}

const blankToNull = (value: string) => (value.trim() === "" ? null : value);

function toRequest(values: FormValues): DocumentTemplateRequest {
  return {
    accentColor: values.accentColor,
    showLogo: values.showLogo,
    headerText: blankToNull(values.headerText),
    footerText: blankToNull(values.footerText),
    showBankDetails: values.showBankDetails,
    termsAndConditions: blankToNull(values.termsAndConditions),
    emailSubject: blankToNull(values.emailSubject),
    emailBody: blankToNull(values.emailBody),
  };
}

const hexColor = /^#[0-9A-Fa-f]{6}$/;

function TemplateForm({
  kind,
  template,
  etag,
  canWrite,
  onReload,
}: {
  kind: PrintableKind;
  template: DocumentTemplate;
  etag: string | null;
  canWrite: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateDocumentTemplate();
  const upload = useUploadTemplateLogo();
  const removeLogo = useRemoveTemplateLogo();
  const [logoVersion, setLogoVersion] = useState(0);
  const { form, submitWith, failure } = useApiForm<FormValues>({
    initialValues: {
      accentColor: template.accentColor,
      showLogo: template.showLogo,
      headerText: template.headerText ?? "",
      footerText: template.footerText ?? "",
      showBankDetails: template.showBankDetails,
      termsAndConditions: template.termsAndConditions ?? "",
      emailSubject: template.emailSubject ?? "",
      emailBody: template.emailBody ?? "",
    },
    validate: {
      accentColor: (v) => (hexColor.test(v) ? null : t("documentTemplates.colorFormat")),
    },
  });
  // The preview follows the form, but never with a colour the server would refuse (half-typed "#7A1").
  const previewValues = hexColor.test(form.values.accentColor) ? form.values : { ...form.values, accentColor: template.accentColor };
  const preview = useTemplatePreview(kind, toRequest(previewValues), logoVersion);

  const submit = submitWith(
    update,
    (values) => ({ kind, etag, body: toRequest(values) }),
    () => notifications.show({ color: "green", message: t("documentTemplates.saved") }),
  );

  const logoError = upload.error ?? removeLogo.error;
  const logoSourceLabel = t(`documentTemplates.logoSources.${template.logoSource}`);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="md">
          <form noValidate onSubmit={submit} aria-label={t("documentTemplates.formLabel", { kind: t(`documentTemplates.kinds.${kind}`) })}>
            <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack gap="sm">
                {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
                <ColorInput label={t("documentTemplates.accentColor")} format="hex" withEyeDropper={false} {...form.getInputProps("accentColor")} />
                <Switch label={t("documentTemplates.showLogo")} {...form.getInputProps("showLogo", { type: "checkbox" })} />
                <Group gap="xs" align="center">
                  <Text size="sm" c="dimmed" data-testid="logo-source">
                    {t("documentTemplates.logoSource", { source: logoSourceLabel })}
                  </Text>
                  {canWrite && (
                    <FileButton
                      accept="image/png,image/jpeg"
                      onChange={(file) =>
                        file &&
                        upload.mutate(
                          { kind, file },
                          {
                            onSuccess: () => {
                              setLogoVersion((v) => v + 1);
                              notifications.show({ color: "green", message: t("documentTemplates.logoUploaded") });
                            },
                          },
                        )
                      }
                    >
                      {(props) => (
                        <Button {...props} size="xs" variant="default" leftSection={<IconPhoto size={14} />} loading={upload.isPending}>
                          {t("documentTemplates.uploadLogo")}
                        </Button>
                      )}
                    </FileButton>
                  )}
                  {canWrite && template.hasOwnLogo && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      loading={removeLogo.isPending}
                      onClick={() => removeLogo.mutate(kind, { onSuccess: () => setLogoVersion((v) => v + 1) })}
                    >
                      {t("documentTemplates.removeLogo")}
                    </Button>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t("documentTemplates.logoHelp")}
                </Text>
                {logoError && <ProblemAlert error={logoError} />}
                <Textarea label={t("documentTemplates.headerText")} rows={2} {...form.getInputProps("headerText")} />
                <Textarea
                  label={t("documentTemplates.footerText")}
                  description={t("documentTemplates.footerHelp")}
                  rows={2}
                  {...form.getInputProps("footerText")}
                />
                <Switch label={t("documentTemplates.showBankDetails")} {...form.getInputProps("showBankDetails", { type: "checkbox" })} />
                <Textarea label={t("documentTemplates.termsAndConditions")} rows={3} {...form.getInputProps("termsAndConditions")} />
                <Title order={5} mt="sm">
                  {t("documentTemplates.email")}
                </Title>
                <Text size="xs" c="dimmed" data-testid="placeholders">
                  {t("documentTemplates.placeholdersHelp", { placeholders: template.placeholders.join(", ") })}
                </Text>
                <TextInput label={t("documentTemplates.emailSubject")} {...form.getInputProps("emailSubject")} />
                <Textarea label={t("documentTemplates.emailBody")} rows={4} {...form.getInputProps("emailBody")} />
                {canWrite && (
                  <Group justify="flex-end">
                    <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                      {t("common.save")}
                    </Button>
                  </Group>
                )}
              </Stack>
            </fieldset>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder p="xs">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t("documentTemplates.preview")}</Text>
            {preview.loading && <Loader size="xs" aria-label={t("documentTemplates.previewLoading")} />}
          </Group>
          {preview.error && <ProblemAlert error={preview.error} />}
          <Box h={760}>
            {preview.url ? (
              <iframe title={t("documentTemplates.preview")} src={preview.url} style={{ width: "100%", height: "100%", border: 0 }} data-testid="template-preview" />
            ) : (
              <PageLoader />
            )}
          </Box>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
