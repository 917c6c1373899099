import { Anchor, Button, Group, Text } from "@mantine/core";
import { IconBuildingWarehouse } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useOrderProjects } from "../api/projects";

/**
 * "Créer un projet" on the order page: offered on a validated order (in progress), disabled with the reason otherwise;
 * once a project exists for the order, a link to it (and still the button, an order may run several projects).
 */
export function OrderProjectButton({ order }: { order: { id: string; status: string } }) {
  const { t } = useTranslation();
  const projects = useOrderProjects(order.id);
  const existing = projects.data?.items ?? [];
  const reason = order.status === "Draft" ? t("projects.orderNotValidated") : order.status !== "InProgress" ? t("projects.orderNotInProgress") : null;
  return (
    <Group gap="xs" data-testid="order-projects" wrap="wrap" mb="sm">
      {reason ? (
        <>
          <Button variant="light" leftSection={<IconBuildingWarehouse size={16} />} disabled aria-describedby="create-project-reason" data-testid="create-project">
            {t("projects.createFromOrder")}
          </Button>
          <Text size="xs" c="dimmed" id="create-project-reason">
            {reason}
          </Text>
        </>
      ) : (
        <Button variant="light" leftSection={<IconBuildingWarehouse size={16} />} component={Link} to={`/projects/new?orderId=${order.id}`} data-testid="create-project">
          {t("projects.createFromOrder")}
        </Button>
      )}
      {existing.map((p) => (
        <Anchor key={p.id} component={Link} to={`/projects/${p.id}`} size="sm">
          {t("projects.projectLink", { name: p.name })}
        </Anchor>
      ))}
    </Group>
  );
}
