import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatMoney } from "@/lib/format-money";
import { type Opportunity, useWinOpportunity } from "../api/opportunities";

/**
 * Wins the opportunity. With several accepted quotes the user names the one that becomes the order (the API
 * answers 422 quote_choice_required otherwise); "Créer la commande" is on by default.
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
  const win = useWinOpportunity();
  const accepted = opportunity.quotes.filter((q) => q.status === "Accepted");
  const [quoteId, setQuoteId] = useState<string | null>(null);
  const [createOrder, setCreateOrder] = useState(true);
  const mustChoose = createOrder && accepted.length > 1;
  const choiceRequired = asApiError(win.error)?.code === "quote_choice_required";

  function close() {
    win.reset();
    onClose();
  }

  function submit() {
    win.mutate(
      { id: opportunity.id, quoteId: createOrder && accepted.length > 1 ? quoteId : null, createOrder },
      {
        onSuccess: (result) => {
          onWon(result.orderId);
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t("opportunities.winTitle")}>
      <Stack>
        {win.error && !choiceRequired && <ProblemAlert error={win.error} />}
        {choiceRequired && (
          <Alert color="orange" role="alert">
            {t("opportunities.quoteChoiceRequired")}
          </Alert>
        )}
        <Checkbox label={t("opportunities.createOrder")} checked={createOrder} onChange={(e) => setCreateOrder(e.currentTarget.checked)} />
        {createOrder && accepted.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("opportunities.winNoQuote")}
          </Text>
        )}
        {createOrder && accepted.length === 1 && (
          <Text size="sm">{t("opportunities.winOneQuote", { number: accepted[0]!.number })}</Text>
        )}
        {mustChoose && (
          <Radio.Group label={t("opportunities.chooseQuote")} value={quoteId} onChange={setQuoteId} required>
            <Stack gap="xs" mt="xs">
              {accepted.map((q) => (
                <Radio key={q.id} value={q.id} label={`${q.number ?? ""} — ${formatMoney(q.totalExcludingVat)} HT`} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button color="green" onClick={submit} loading={win.isPending} disabled={mustChoose && !quoteId}>
            {t("opportunities.win")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
