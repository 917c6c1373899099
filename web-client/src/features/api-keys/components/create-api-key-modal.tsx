import { Button, Checkbox, Group, Modal, ScrollArea, SimpleGrid, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyProblemToForm } from "@/api/problem";
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
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", scopes: [] as string[] },
    validate: {
      name: (v) => (v.trim() ? null : t("errors.required")),
      scopes: (v) => (v.length > 0 ? null : t("apiKeys.scopesRequired")),
    },
  });

  function close() {
    form.reset();
    create.reset();
    setUnmatched([]);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t("apiKeys.create")} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(
            { body: { name: values.name.trim(), scopes: values.scopes } },
            {
              onSuccess: (result) => {
                form.reset();
                onCreated(result);
              },
              onError: (e) => setUnmatched(applyProblemToForm(form, e)),
            },
          ),
        )}
      >
        <Stack>
          {create.error && (unmatched.length > 0 || Object.keys(form.errors).length === 0) && (
            <ProblemAlert error={create.error} extraMessages={unmatched} />
          )}
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
