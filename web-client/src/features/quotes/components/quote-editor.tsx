import { Alert, Anchor, Button, Grid, Group, Modal, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconCopy, IconSend, IconShoppingCart, IconTrash, IconX } from "@tabler/icons-react";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DocumentDeliveryButtons, DraftPreviewButton, SendDocumentModal } from "@/components/billing/document-delivery-buttons";
import { DocumentEmailsPanel } from "@/components/billing/document-emails";
import { CustomerSelect } from "@/components/pickers/customer-select";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { ReasonModal } from "@/components/sales-lines/reason-modal";
import { SalesLinesTable } from "@/components/sales-lines/sales-lines-table";
import { type LinesValues, emptyLine, fromLineResponse, linesProblem, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { useApiForm } from "@/components/forms/use-api-form";
import { QuoteStatusBadge } from "@/components/sales-lines/status-badges";
import { TotalsPanel } from "@/components/sales-lines/totals-panel";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { OnceButton } from "@/components/ui/once-button";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import {
  type Quote,
  type VersionedQuote,
  useCreateOrderFromQuote,
  useCreateQuote,
  useCustomerOpportunities,
  useDeleteQuote,
  useDuplicateQuote,
  useLinkedOrder,
  useQuoteTransition,
  useRefuseQuote,
  useUpdateQuote,
} from "../api/quotes";

interface QuoteValues extends LinesValues {
  customerId: string | null;
  customerName: string | null;
  opportunityId: string | null;
  validUntil: string | null;
}

export interface QuoteDefaults {
  customerId: string | null;
  customerName: string | null;
  opportunityId: string | null;
}

/**
 * A quote: editable while it is a draft (and the user may write quotes), read-only once sent. Totals always come
 * from the server (the preview while editing, the saved totals afterwards).
 */
export function QuoteEditor({
  initial,
  defaults,
  canWrite,
  canWriteOrders,
  onCreated,
  onDeleted,
  onOpen,
  emailRequested = false,
  onEmailRequest,
}: {
  initial: VersionedQuote | null;
  defaults?: QuoteDefaults;
  canWrite: boolean;
  canWriteOrders: boolean;
  onCreated: (id: string) => void;
  onDeleted: () => void;
  /** Navigate to another document: "/quotes/…" or "/orders/…". */
  onOpen: (path: string) => void;
  /** The e-mail dialog is open (kept by the route, so it survives the remount on a new status). */
  emailRequested?: boolean;
  onEmailRequest?: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const quote = initial?.value ?? null;
  const editable = canWrite && (!quote || quote.status === "Draft");
  const [etag, setEtag] = useState(initial?.etag ?? null);
  const create = useCreateQuote();
  const update = useUpdateQuote();
  const save = quote ? update : create;
  const { form, submitWith, failure, clearFailure, showFailure } = useApiForm<QuoteValues>({
    mapProblem: (error) => linesProblem(error),
    initialValues: {
      customerId: quote?.customerId ?? defaults?.customerId ?? null,
      customerName: quote?.customerName ?? defaults?.customerName ?? null,
      opportunityId: quote?.opportunityId ?? defaults?.opportunityId ?? null,
      validUntil: quote?.validUntil ?? dayjs().add(30, "day").format("YYYY-MM-DD"),
      lines: quote ? quote.lines.map(fromLineResponse) : [emptyLine()],
    },
    validate: {
      customerId: (v) => (v ? null : t("errors.required")),
      validUntil: (v) => (v ? null : t("errors.required")),
    },
  });
  const values = form.getValues();
  const dirty = form.isDirty();
  const opportunities = useCustomerOpportunities(editable ? values.customerId : null);
  const bodyOf = (v: QuoteValues) => ({ customerId: v.customerId!, opportunityId: v.opportunityId, validUntil: v.validUntil!, lines: v.lines.map(toLineRequest) });

  /** After a save the form starts again from what the server kept (its lines, with their ids). */
  function applySaved(saved: VersionedQuote) {
    setEtag(saved.etag);
    const next = { ...form.getValues(), lines: saved.value.lines.map(fromLineResponse) };
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
    clearFailure();
  }

  const submit = quote
    ? submitWith(
        update,
        (v) => ({ id: quote.id, body: bodyOf(v), etag }),
        (saved) => {
          applySaved(saved);
          notifications.show({ color: "green", message: t("quotes.saved") });
        },
      )
    : submitWith(
        create,
        (v) => ({ body: bodyOf(v) }),
        (saved) => {
          notifications.show({ color: "green", message: t("quotes.created") });
          onCreated(saved.value.id);
        },
      );

  /** Saves the draft's edits before its preview; a refusal shows on the form and stops the preview. */
  async function saveFirst() {
    const submitted = form.getValues();
    if (!quote || form.validate().hasErrors) throw new Error("incomplete");
    clearFailure();
    try {
      applySaved(await update.mutateAsync({ id: quote.id, etag, body: bodyOf(submitted) }));
    } catch (e) {
      showFailure(e, submitted);
      throw e;
    }
  }

  const opportunityOptions = (opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }));
  if (values.opportunityId && !opportunityOptions.some((o) => o.value === values.opportunityId)) {
    opportunityOptions.unshift({ value: values.opportunityId, label: t("quotes.linkedOpportunity") });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>{quote ? (quote.number ?? t("quotes.draftTitle")) : t("quotes.new")}</Title>
          {quote && <QuoteStatusBadge status={quote.status} isExpired={quote.isExpired} />}
        </Group>
        {quote && (
          <QuoteActions
            quote={quote}
            canWrite={canWrite}
            canWriteOrders={canWriteOrders}
            dirty={dirty}
            saveFirst={editable ? saveFirst : undefined}
            emailRequested={emailRequested}
            onEmailRequest={onEmailRequest}
            onDeleted={onDeleted}
            onOpen={onOpen}
          />
        )}
      </Group>

      <form onSubmit={submit} noValidate aria-label={quote ? (quote.number ?? t("quotes.draftTitle")) : t("quotes.new")}>
      <Stack>
      {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}

      <Paper withBorder p="md">
        {editable ? (
          <Grid>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <CustomerSelect
                label={t("quotes.customer")}
                required
                value={values.customerId}
                valueLabel={values.customerName}
                onChange={(id, name) => {
                  form.setFieldValue("customerId", id);
                  form.setFieldValue("customerName", name);
                  form.setFieldValue("opportunityId", null);
                }}
                error={form.errors.customerId ? String(form.errors.customerId) : undefined}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label={t("quotes.opportunity")}
                placeholder={t("quotes.noOpportunity")}
                clearable
                data={opportunityOptions}
                {...form.getInputProps("opportunityId")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <DatePickerInput
                label={t("quotes.validUntil")}
                required
                valueFormat="DD/MM/YYYY"
                {...form.getInputProps("validUntil")}
              />
            </Grid.Col>
          </Grid>
        ) : (
          quote && (
            <Group gap="xl">
              <Info label={t("quotes.customer")} value={quote.customerName} />
              <Info label={t("quotes.validUntil")} value={formatDate(quote.validUntil)} />
              {quote.sentOn && <Info label={t("quotes.sentOn")} value={formatDate(quote.sentOn)} />}
              {quote.acceptedOn && <Info label={t("quotes.acceptedOn")} value={formatDate(quote.acceptedOn)} />}
              {quote.refusedOn && <Info label={t("quotes.refusedOn")} value={formatDate(quote.refusedOn)} />}
              {quote.refusalReason && <Info label={t("quotes.refusalReason")} value={quote.refusalReason} />}
              {quote.opportunityId && (
                <Anchor component={Link} to={`/opportunities/${quote.opportunityId}`} size="sm">
                  {t("quotes.openOpportunity")}
                </Anchor>
              )}
            </Group>
          )
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("salesLines.title")}
        </Title>
        {editable ? (
          <LineEditor form={form} customerId={values.customerId} />
        ) : (
          quote && (
            <Stack>
              <SalesLinesTable lines={quote.lines} />
              <Group justify="flex-end">
                <TotalsPanel totals={quote.totals} />
              </Group>
            </Stack>
          )
        )}
      </Paper>

      {editable && (
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!!quote && !dirty}>
            {quote ? t("common.save") : t("quotes.createDraft")}
          </Button>
        </Group>
      )}
      </Stack>
      </form>

      {quote && quote.status !== "Draft" && <DocumentEmailsPanel type="quotes" id={quote.id} />}
    </Stack>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function QuoteActions({
  quote,
  canWrite,
  canWriteOrders,
  dirty,
  saveFirst,
  emailRequested,
  onEmailRequest,
  onDeleted,
  onOpen,
}: {
  quote: Quote;
  canWrite: boolean;
  canWriteOrders: boolean;
  dirty: boolean;
  saveFirst?: () => Promise<void>;
  emailRequested?: boolean;
  onEmailRequest?: (open: boolean) => void;
  onDeleted: () => void;
  onOpen: (path: string) => void;
}) {
  const { t } = useTranslation();
  const transition = useQuoteTransition();
  const refuse = useRefuseQuote();
  const remove = useDeleteQuote();
  const fromQuote = useCreateOrderFromQuote();
  const order = useLinkedOrder(quote.orderId);
  const [dialog, setDialog] = useState<"send" | "accept" | "refuse" | "duplicate" | "delete" | null>(null);
  // Right after the confirmation the e-mail dialog opens with the number the quote just got.
  const [sentNumber, setEmailNumber] = useState<string | null>(null);
  const emailNumber = emailRequested && quote.number ? quote.number : sentNumber;
  const closeEmail = () => {
    setEmailNumber(null);
    onEmailRequest?.(false);
  };
  const error = transition.error ?? fromQuote.error ?? remove.error;
  const emailMessage = (number: string) =>
    t("quotes.emailMessage", { number, amount: formatMoney(quote.totals.totalIncludingVat), validUntil: formatDate(quote.validUntil) });
  const done = (message: string) => () => {
    notifications.show({ color: "green", message });
  };

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {quote.status === "Draft" && <DraftPreviewButton type="quotes" id={quote.id} dirty={dirty} saveFirst={saveFirst} />}
        {quote.orderId && (
          <Anchor component={Link} to={`/orders/${quote.orderId}`} data-testid="quote-order-link">
            {t("quotes.orderLink", { number: order.data?.number ?? t("orders.draft") })}
          </Anchor>
        )}
        {canWrite && quote.status === "Draft" && (
          <>
            <Button
              leftSection={<IconSend size={16} />}
              disabled={dirty}
              title={dirty ? t("quotes.saveFirst") : undefined}
              onClick={() => setDialog("send")}
            >
              {t("quotes.send")}
            </Button>
            <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
              {t("common.delete")}
            </Button>
          </>
        )}
        {canWrite && quote.status === "Sent" && !quote.isExpired && (
          <Button
            color="green"
            leftSection={<IconCheck size={16} />}
            onClick={() => setDialog("accept")}
          >
            {t("quotes.accept")}
          </Button>
        )}
        {canWrite && quote.status === "Sent" && (
          <Button color="red" variant="light" leftSection={<IconX size={16} />} onClick={() => setDialog("refuse")}>
            {t("quotes.refuse")}
          </Button>
        )}
        {canWriteOrders && quote.status === "Accepted" && !quote.orderId && (
          <Button
            leftSection={<IconShoppingCart size={16} />}
            loading={fromQuote.isPending}
            onClick={() =>
              fromQuote.mutate(
                { quoteId: quote.id },
                {
                  onSuccess: (created) => {
                    onOpen(`/orders/${created.id}`);
                  },
                },
              )
            }
          >
            {t("quotes.createOrder")}
          </Button>
        )}
        {canWrite && quote.status !== "Draft" && (
          <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => setDialog("duplicate")}>
            {t("quotes.duplicate")}
          </Button>
        )}
      </Group>
      {quote.status !== "Draft" && quote.number && (
        <DocumentDeliveryButtons
          type="quotes"
          id={quote.id}
          number={quote.number}
          customerId={quote.customerId}
          canSend={canWrite}
          sendLabel={t("quotes.emailAction")}
          sendTitle={t("quotes.emailTitle", { number: quote.number })}
          defaultSubject={t("quotes.emailSubject", { number: quote.number })}
          defaultMessage={emailMessage(quote.number)}
        />
      )}
      {error && dialog === null && <ProblemAlert error={error} />}

      <Modal opened={dialog === "send"} onClose={() => setDialog(null)} title={t("quotes.sendTitle")}>
        <Stack>
          <Alert color="orange">{t("quotes.sendConfirm")}</Alert>
          {transition.error ? <ProblemAlert error={transition.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              leftSection={<IconSend size={16} />}
              loading={transition.isPending}
              onClick={() =>
                transition.mutate(
                  { id: quote.id, action: "send" },
                  {
                    onSuccess: (sent) => {
                      done(t("quotes.sentDone"))();
                      setDialog(null);
                      setEmailNumber(sent.number ?? null);
                      onEmailRequest?.(true);
                    },
                  },
                )
              }
            >
              {t("quotes.sendConfirmAction")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === "accept"} onClose={() => setDialog(null)} title={t("quotes.acceptTitle")}>
        <Stack>
          <Text size="sm">{quote.opportunityId ? t("quotes.acceptConfirm") : t("quotes.acceptConfirmNoOpportunity")}</Text>
          {transition.error ? <ProblemAlert error={transition.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="green"
              leftSection={<IconCheck size={16} />}
              loading={transition.isPending}
              onClick={() =>
                transition.mutate(
                  { id: quote.id, action: "accept" },
                  {
                    onSuccess: () => {
                      done(t("quotes.acceptedDone"))();
                      setDialog(null);
                    },
                  },
                )
              }
            >
              {t("quotes.accept")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {emailNumber && (
        <SendDocumentModal
          type="quotes"
          id={quote.id}
          customerId={quote.customerId}
          title={t("quotes.emailTitle", { number: emailNumber })}
          defaultSubject={t("quotes.emailSubject", { number: emailNumber })}
          defaultMessage={emailMessage(emailNumber)}
          onClose={closeEmail}
        />
      )}

      <ReasonModal
        opened={dialog === "refuse"}
        title={t("quotes.refuseTitle")}
        label={t("quotes.refusalReason")}
        confirm={t("quotes.refuse")}
        optional
        mutation={refuse}
        toVariables={(reason) => ({ id: quote.id, reason })}
        onClose={() => setDialog(null)}
        onDone={() => {
          done(t("quotes.refusedDone"))();
          setDialog(null);
        }}
      />
      <Modal opened={dialog === "duplicate"} onClose={() => setDialog(null)} title={t("quotes.duplicateTitle")}>
        <DuplicateQuoteForm
          quoteId={quote.id}
          onClose={() => setDialog(null)}
          onDuplicated={(copy) => {
            done(t("quotes.duplicated"))();
            setDialog(null);
            onOpen(`/quotes/${copy.id}`);
          }}
        />
      </Modal>
      <Modal opened={dialog === "delete"} onClose={() => setDialog(null)} title={t("quotes.deleteTitle")}>
        <Stack>
          <Alert color="red">{t("quotes.deleteConfirm")}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <OnceButton color="red" pending={remove.isPending} onClick={() => remove.mutate(quote.id, { onSuccess: onDeleted })}>
              {t("common.delete")}
            </OnceButton>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** "Dupliquer": the copy's validity date, sent through a form (a refusal naming `validUntil` lands under the date). */
function DuplicateQuoteForm({ quoteId, onClose, onDuplicated }: { quoteId: string; onClose: () => void; onDuplicated: (copy: { id: string }) => void }) {
  const { t } = useTranslation();
  const duplicate = useDuplicateQuote();
  const { form, submitWith, failure } = useApiForm<{ validUntil: string | null }>({
    initialValues: { validUntil: dayjs().add(30, "day").format("YYYY-MM-DD") },
  });
  const submit = submitWith(duplicate, (v) => ({ id: quoteId, validUntil: v.validUntil }), onDuplicated);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />}
        <DatePickerInput label={t("quotes.validUntil")} valueFormat="DD/MM/YYYY" {...form.getInputProps("validUntil")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={duplicate.isPending}>
            {t("quotes.duplicate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
