import { Alert, Button, Group, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { asApiError, problemMessage } from "@/api/problem";

/**
 * A failure that no form field owns. 412 offers to reload the record (someone else saved it first);
 * other failures can offer a retry.
 */
export function ProblemAlert({
  error,
  extraMessages = [],
  onReload,
  onRetry,
}: {
  error: unknown;
  extraMessages?: string[];
  onReload?: () => void;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const apiError = asApiError(error);
  const stale = apiError?.status === 412;
  const message = problemMessage(error, t);
  // A field message that only repeats the main sentence is not shown twice.
  const extras = [...new Set(extraMessages)].filter((m) => !message.includes(m.trim()));
  return (
    <Alert color={stale ? "orange" : "red"} icon={<IconAlertTriangle size={18} />} title={t("errors.title")} role="alert">
      <Text size="sm">{message}</Text>
      {extras.length > 0 && (
        <List size="sm" mt="xs">
          {extras.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
      {apiError?.problem.traceId && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("errors.reference", { id: apiError.problem.traceId })}
        </Text>
      )}
      {(stale && onReload) || onRetry ? (
        <Group mt="sm">
          {stale && onReload && (
            <Button size="xs" variant="white" color="orange" onClick={onReload}>
              {t("common.reload")}
            </Button>
          )}
          {!stale && onRetry && (
            <Button size="xs" variant="white" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          )}
        </Group>
      ) : null}
    </Alert>
  );
}
