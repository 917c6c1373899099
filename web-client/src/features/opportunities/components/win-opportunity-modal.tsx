import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useApiForm } from "@/components/forms/use-api-form";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatMoney } from "@/lib/format-money";
import { type Opportunity, useWinOpportunity } from "../api/opportunities";

interface WinValues {
  createOrder: boolean;
  quoteId: string | null;
}

/**
 * Wins the opportunity. With several accepted quotes the user names the one that becomes the order (the API
 * answers 422 quote_choice_required on `quoteId` otherwise); "Créer la commande" is on by default.
 */
export function WinOpportunityModal({
  opportunity,
  opened,
  onClose,
  onWon,
}: {
  opportunity: Opportunity;
  opened: boolean;
  onClose: () => void;
  onWon: (orderId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("opportunities.winTitle")}>
      <WinForm opportunity={opportunity} onClose={onClose} onWon={onWon} />
    </Modal>
  );
}

function WinForm({ opportunity, onClose, onWon }: { opportunity: Opportunity; onClose: () => void; onWon: (orderId: string | null) => void }) {
  const { t } = useTranslation();
  const win = useWinOpportunity();
  const accepted = opportunity.quotes.filter((q) => q.status === "Accepted");
  const { form, submitWith, failure } = useApiForm<WinValues>({ initialValues: { createOrder: true, quoteId: null } });
  const values = form.getValues();
  const mustChoose = values.createOrder && accepted.length > 1;
  const submit = submitWith(
    win,
    (v) => ({ id: opportunity.id, quoteId: v.createOrder && accepted.length > 1 ? v.quoteId : null, createOrder: v.createOrder }),
    (result) => onWon(result.orderId),
  );
  const quoteError = form.errors.quoteId ? String(form.errors.quoteId) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        {/* The server asks for a quote the dialog did not offer to choose (another quote was accepted meanwhile). */}
        {quoteError && !mustChoose && (
          <Alert color="orange" role="alert">
            {t("opportunities.quoteChoiceRequired")}
          </Alert>
        )}
        <Checkbox label={t("opportunities.createOrder")} {...form.getInputProps("createOrder", { type: "checkbox" })} />
        {values.createOrder && accepted.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("opportunities.winNoQuote")}
          </Text>
        )}
        {values.createOrder && accepted.length === 1 && <Text size="sm">{t("opportunities.winOneQuote", { number: accepted[0]!.number })}</Text>}
        {mustChoose && (
          <Radio.Group label={t("opportunities.chooseQuote")} required {...form.getInputProps("quoteId")}>
            <Stack gap="xs" mt="xs">
              {accepted.map((q) => (
                <Radio key={q.id} value={q.id} label={`${q.number ?? ""} — ${formatMoney(q.totalExcludingVat)} HT`} aria-invalid={quoteError ? true : undefined} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color="green" loading={win.isPending} disabled={mustChoose && !values.quoteId}>
            {t("opportunities.win")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
