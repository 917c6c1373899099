import { Button, Group, Stack, Text } from "@mantine/core";
import { IconSignature } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLinesUnderContract } from "../api/contracts";

interface OrderForContract {
  id: string;
  status: "Draft" | "InProgress" | "Closed" | "Cancelled";
  lines: { id: string; isContractLine: boolean }[];
}

export type ContractRefusal = "notValidated" | "closed" | "noContractLine" | "alreadyUnderContract";

/** Why an order cannot give a contract, or null when it can: the reason is shown under the disabled button. */
export function contractRefusal(order: OrderForContract, linesUnderContract: ReadonlySet<string>): ContractRefusal | null {
  const contractLines = order.lines.filter((l) => l.isContractLine);
  if (order.status === "Draft") return "notValidated";
  if (order.status !== "InProgress") return "closed";
  if (contractLines.length === 0) return "noContractLine";
  if (contractLines.every((l) => linesUnderContract.has(l.id))) return "alreadyUnderContract";
  return null;
}

/**
 * "Créer un contrat" on the order page: a validated order's lines whose product is a subscription are billed by a
 * contract. Disabled, with the reason, when the order is not validated, has no such line, or all are under a contract.
 */
export function CreateContractButton({ order }: { order: OrderForContract }) {
  const { t } = useTranslation();
  const { under, ready } = useLinesUnderContract(order.id, order.status === "InProgress" && order.lines.some((l) => l.isContractLine));
  const refusal = contractRefusal(order, under);
  if (refusal === null)
    return (
      <Group justify="flex-end" mb="xs">
        <Button component={Link} to={`/contracts/new?orderId=${order.id}`} variant="default" leftSection={<IconSignature size={16} />} loading={!ready} disabled={!ready}>
          {t("contracts.createFromOrder")}
        </Button>
      </Group>
    );
  return (
    <Group justify="flex-end" mb="xs">
      <Stack gap={2} align="flex-end">
        <Button variant="default" leftSection={<IconSignature size={16} />} disabled aria-describedby="contract-refusal">
          {t("contracts.createFromOrder")}
        </Button>
        <Text size="xs" c="dimmed" id="contract-refusal" data-testid="contract-refusal">
          {t(`contracts.refusals.${refusal}`)}
        </Text>
      </Stack>
    </Group>
  );
}
