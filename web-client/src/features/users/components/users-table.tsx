import { Badge, Button, Group, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconMailForward, IconMailPlus, IconPencil, IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { formatDateTime } from "@/lib/dates";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { useResendInvitation, useUsers } from "../api/users";
import { CreateUserModal } from "./create-user-modal";
import { EditUserModal } from "./edit-user-modal";
import { InviteUserModal } from "./invite-user-modal";

export function UsersTable({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const [inviting, setInviting] = useState(false);
  const resend = useResendInvitation();
  const [editing, setEditing] = useState<string | null>(null);
  const query = useUsers(debounced.trim());
  const users = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Group justify="space-between" mb="md">
        <TextInput
          aria-label={t("users.search")}
          placeholder={t("users.search")}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        {canWrite && (
          <Group gap="xs">
            <Button leftSection={<IconMailPlus size={16} />} onClick={() => setInviting(true)}>
              {t("users.invite")}
            </Button>
            <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
              {t("users.create")}
            </Button>
          </Group>
        )}
      </Group>
      {resend.error && <ProblemAlert error={resend.error} />}

      {query.isPending ? (
        <Skeleton height={160} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : users.length === 0 ? (
        <EmptyState title={t("users.empty")} description={debounced ? t("users.emptySearch") : undefined} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("users.displayName")}</Table.Th>
                <Table.Th>{t("users.email")}</Table.Th>
                <Table.Th>{t("users.role")}</Table.Th>
                <Table.Th>{t("users.status")}</Table.Th>
                <Table.Th>{t("users.lastSignIn")}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={u.isActive ? "green" : "gray"} variant="light">
                        {u.isActive ? t("users.active") : t("users.inactive")}
                      </Badge>
                      {u.invitationPending && (
                        <Badge color="blue" variant="light">
                          {t("users.invitationPending")}
                        </Badge>
                      )}
                      {u.mustChangePassword && (
                        <Badge color="orange" variant="light">
                          {t("users.temporaryPassword")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {u.lastSignInAt ? formatDateTime(u.lastSignInAt) : <Text c="dimmed" size="sm">{t("users.never")}</Text>}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {u.invitationPending && u.isActive && (
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconMailForward size={14} />}
                            loading={resend.isPending && resend.variables === u.id}
                            aria-label={t("users.resendInvitationNamed", { name: u.displayName })}
                            onClick={() =>
                              resend.mutate(u.id, {
                                onSuccess: () => notifications.show({ color: "green", message: t("users.invited", { email: u.email }) }),
                              })
                            }
                          >
                            {t("users.resendInvitation")}
                          </Button>
                        )}
                        <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(u.id)} aria-label={t("users.editNamed", { name: u.displayName })}>
                          {t("common.edit")}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} />

      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
      <EditUserModal userId={editing} onClose={() => setEditing(null)} />
    </>
  );
}
