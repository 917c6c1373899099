import { Button, Group, Modal, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type User, type UserRole, useUpdateUser, useUser, userRoles } from "../api/users";

export function EditUserModal({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useUser(userId);
  return (
    <Modal opened={userId !== null} onClose={onClose} title={t("users.edit")}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <EditUserForm key={query.data.etag ?? query.data.value.id} user={query.data.value} etag={query.data.etag} onClose={onClose} onReload={() => void query.refetch()} />
      )}
    </Modal>
  );
}

function EditUserForm({ user, etag, onClose, onReload }: { user: User; etag: string | null; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const { form, submitWith, failure } = useApiForm({
    initialValues: { displayName: user.displayName, role: user.role as UserRole, isActive: user.isActive },
    validate: { displayName: (v) => (v.trim() ? null : t("errors.required")) },
  });

  return (
    <form
      noValidate
      onSubmit={submitWith(
        update,
        (values) => ({ id: user.id, etag, body: { ...values, displayName: values.displayName.trim() } }),
        () => {
          notifications.show({ color: "green", message: t("users.saved") });
          onClose();
        },
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} onReload={onReload} />}
        <TextInput label={t("users.displayName")} required {...form.getInputProps("displayName")} />
        <Select
          label={t("users.role")}
          data={userRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          allowDeselect={false}
          {...form.getInputProps("role")}
        />
        <Switch label={t("users.activeLabel")} {...form.getInputProps("isActive", { type: "checkbox" })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
