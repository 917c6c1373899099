import { Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The page's title and its action buttons; on a narrow screen the buttons go under the title instead of off-screen. */
export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <div style={{ minWidth: 0 }}>
        <Title order={2}>{title}</Title>
        {description && (
          <Text c="dimmed" size="sm" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="sm" wrap="wrap">{actions}</Group>}
    </Group>
  );
}
