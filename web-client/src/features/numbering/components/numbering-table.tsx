import { Badge, Button, Code, Group, Skeleton, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconLock, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/ui/error-state";
import { type DocumentType, numberedDocumentTypes, useNumberingSettings } from "../api/numbering";
import { EditNumberingModal } from "./edit-numbering-modal";

const order = (type: DocumentType) => numberedDocumentTypes.indexOf(type as (typeof numberedDocumentTypes)[number]);

export function NumberingTable({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useNumberingSettings();
  const [editing, setEditing] = useState<DocumentType | null>(null);

  if (query.isPending) return <Skeleton height={240} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const items = [...query.data.items].sort((a, b) => order(a.documentType) - order(b.documentType));
  const anyLocked = items.some((s) => s.locked);

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("numbering.description")}
      </Text>
      {!canWrite && (
        <Text size="sm" c="dimmed" data-testid="read-only-notice">
          {t("numbering.readOnly")}
        </Text>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label={t("numbering.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("numbering.documentType")}</Table.Th>
              <Table.Th>{t("numbering.example")}</Table.Th>
              <Table.Th>{t("numbering.status")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => {
              const label = t(`numbering.types.${s.documentType}`);
              const disabled = s.locked || !canWrite;
              const button = (
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={<IconPencil size={14} />}
                  disabled={disabled}
                  aria-label={t("numbering.editAria", { type: label })}
                  onClick={() => setEditing(s.documentType)}
                >
                  {t("common.edit")}
                </Button>
              );
              return (
                <Table.Tr key={s.documentType}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>
                    <Code>{s.example}</Code>
                  </Table.Td>
                  <Table.Td>
                    {s.locked ? (
                      <Badge color="gray" variant="light" leftSection={<IconLock size={12} />}>
                        {t("numbering.locked")}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        {t("numbering.editable")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      {s.locked ? (
                        <Tooltip label={t("numbering.lockedHelp")} multiline w={280}>
                          <span>{button}</span>
                        </Tooltip>
                      ) : (
                        button
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {anyLocked && (
        <Text size="sm" c="dimmed" data-testid="locked-notice">
          {t("numbering.lockedHelp")}
        </Text>
      )}
      <EditNumberingModal documentType={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
