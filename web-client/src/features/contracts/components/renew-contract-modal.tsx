import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatDate } from "@/lib/dates";
import { type RevisionKind, revisionKinds, useRenewContract } from "../api/contracts";

interface RenewValues {
  kind: RevisionKind;
  percentage: number | string;
  indexValue: number | string;
}

const num = (v: number | string) => (v === "" ? null : Number(v));

/** The fields of the revision as the form names them: the server says `revision.percentage`. */
const revisionFields = (error: unknown) => renameProblemFields(error, (path) => path.replace(/^revision\./i, ""));

/**
 * "Renouveler": a new term of the same length, the prices revised by a percentage or by an index value the user reads
 * from the index (the server computes the new prices from the index value of the previous term).
 */
export function RenewContractModal({
  contract,
  opened,
  onClose,
  onDone,
}: {
  contract: RenewedContract;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("contracts.renewTitle", { number: contract.reference })}>
      <RenewForm contract={contract} onClose={onClose} onDone={onDone} />
    </Modal>
  );
}

/** What the renewal needs of the contract (its page or its row of the renewals list). */
interface RenewedContract {
  id: string;
  reference: string;
  currentTermEnd: string;
  /** The contract's revision clause: an index value is offered only to an indexed contract. */
  revisionKind: RevisionKind;
  /** A tacit renewal already started the new term: the index value revises it. */
  indexRevisionPending: boolean;
}

function RenewForm({ contract, onClose, onDone }: { contract: RenewedContract; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const renew = useRenewContract();
  const { form, submitWith, failure } = useApiForm<RenewValues>({
    initialValues: { kind: contract.revisionKind === "Index" ? "Index" : contract.revisionKind === "Percentage" ? "Percentage" : "None", percentage: "", indexValue: "" },
    validate: {
      percentage: (v, values) => (values.kind === "Percentage" && v === "" ? t("errors.required") : null),
      indexValue: (v, values) => (values.kind === "Index" && v === "" ? t("errors.required") : null),
    },
    mapProblem: revisionFields,
  });
  const values = form.getValues();
  const submit = submitWith(
    renew,
    (v) => ({
      id: contract.id,
      revision: {
        kind: v.kind,
        percentage: v.kind === "Percentage" ? num(v.percentage) : null,
        indexValue: v.kind === "Index" ? num(v.indexValue) : null,
      },
    }),
    onDone,
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t("contracts.renew")}>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <Text size="sm">
          {contract.indexRevisionPending ? t("contracts.indexPendingExplain") : t("contracts.renewExplain", { date: formatDate(contract.currentTermEnd) })}
        </Text>
        <div>
          <Text size="sm" fw={500} mb={4} id="revision-kind-label">
            {t("contracts.revision")}
          </Text>
          <SegmentedControl
            aria-labelledby="revision-kind-label"
            data={revisionKinds
              .filter((k) => k !== "Index" || contract.revisionKind === "Index")
              .map((k) => ({ value: k, label: t(`contracts.revisionKinds.${k}`) }))}
            {...form.getInputProps("kind")}
          />
        </div>
        {values.kind === "Percentage" && (
          <NumberInput
            label={t("contracts.revisionPercentage")}
            suffix=" %"
            decimalSeparator=","
            thousandSeparator={"\u202f"}
            decimalScale={2}
            {...form.getInputProps("percentage")}
            data-autofocus
          />
        )}
        {values.kind === "Index" && (
          <NumberInput
            label={t("contracts.revisionIndex")}
            description={t("contracts.revisionIndexHelp")}
            decimalSeparator=","
            thousandSeparator={"\u202f"}
            decimalScale={4}
            {...form.getInputProps("indexValue")}
            data-autofocus
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={renew.isPending}>
            {t("contracts.renew")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
