import { Button, Checkbox, Group, Modal, ScrollArea, SimpleGrid, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type CreatedApiKey, useApiKeyScopes, useCreateApiKey } from "../api/api-keys";
import { isAvailableScope, scopeLabel } from "../scopes";

export function CreateApiKeyModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: CreatedApiKey) => void;
}) {
  const { t } = useTranslation();
  const scopes = useApiKeyScopes(opened);
  const create = useCreateApiKey();
  const { form, submitWith, failure, clearFailure } = useApiForm({
    initialValues: { name: "", scopes: [] as string[] },
    validate: {
      name: (v) => (v.trim() ? null : t("errors.required")),
      scopes: (v) => (v.length > 0 ? null : t("apiKeys.scopesRequired")),
    },
  });

  function close() {
    form.reset();
    create.reset();
    clearFailure();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t("apiKeys.create")} size="lg">
      <form
        noValidate
        onSubmit={submitWith(
          create,
          (values) => ({ body: { name: values.name.trim(), scopes: values.scopes } }),
          (result) => {
            form.reset();
            onCreated(result);
          },
        )}
      >
        <Stack>
          {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
          <TextInput label={t("apiKeys.name")} placeholder={t("apiKeys.namePlaceholder")} required {...form.getInputProps("name")} />
          {scopes.isPending ? (
            <Skeleton height={120} />
          ) : scopes.isError ? (
            <ErrorState error={scopes.error} onRetry={() => void scopes.refetch()} />
          ) : (
            <Checkbox.Group label={t("apiKeys.scopes")} description={t("apiKeys.scopesHelp")} {...form.getInputProps("scopes")}>
              <ScrollArea.Autosize mah={260} mt="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
                  {scopes.data.filter(isAvailableScope).map((scope) => (
                    <Checkbox key={scope} value={scope} label={scopeLabel(t, scope)} />
                  ))}
                </SimpleGrid>
              </ScrollArea.Autosize>
            </Checkbox.Group>
          )}
          <Text size="xs" c="dimmed">
            {t("apiKeys.shownOnceWarning")}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
