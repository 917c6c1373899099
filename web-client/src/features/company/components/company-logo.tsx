import { Button, FileButton, Group, Image, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPhotoUp, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "@/api/problem";
import { logoMaxBytes, logoTypes, useDeleteLogo, useUploadLogo } from "../api/company-profile";

export function CompanyLogo({
  hasLogo,
  version,
  readOnly,
  onChanged,
}: {
  hasLogo: boolean;
  version: string;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadLogo();
  const remove = useDeleteLogo();
  const [localError, setLocalError] = useState<string | null>(null);

  function pick(file: File | null) {
    setLocalError(null);
    if (!file) return;
    if (!logoTypes.includes(file.type)) return setLocalError(t("company.logoType"));
    if (file.size > logoMaxBytes) return setLocalError(t("company.logoTooLarge"));
    upload.mutate(file, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("company.logoSaved") });
        onChanged();
      },
      onError: (e) => setLocalError(problemMessage(e, t)),
    });
  }

  function drop() {
    setLocalError(null);
    remove.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("company.logoRemoved") });
        onChanged();
      },
      onError: (e) => setLocalError(problemMessage(e, t)),
    });
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Group align="center" gap="lg">
        <Paper w={160} h={80} withBorder radius="sm" style={{ display: "flex", alignItems: "center", justifyContent: "center", overflow: "hidden" }}>
          {hasLogo ? (
            <Image
              src={`/api/v1/company/logo?v=${encodeURIComponent(version)}`}
              alt={t("company.logoAlt")}
              fit="contain"
              h={76}
              w={156}
            />
          ) : (
            <Text size="xs" c="dimmed">
              {t("company.noLogo")}
            </Text>
          )}
        </Paper>
        <Stack gap={6}>
          <Text fw={500}>{t("company.logo")}</Text>
          <Text size="xs" c="dimmed">
            {t("company.logoHelp")}
          </Text>
          {!readOnly && (
            <Group gap="xs">
              <FileButton onChange={pick} accept={logoTypes.join(",")}>
                {(props) => (
                  <Button {...props} size="xs" variant="light" leftSection={<IconPhotoUp size={16} />} loading={upload.isPending}>
                    {hasLogo ? t("company.replaceLogo") : t("company.uploadLogo")}
                  </Button>
                )}
              </FileButton>
              {hasLogo && (
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={16} />} loading={remove.isPending} onClick={drop}>
                  {t("company.removeLogo")}
                </Button>
              )}
            </Group>
          )}
          {localError && (
            <Text size="xs" c="red" role="alert">
              {localError}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
