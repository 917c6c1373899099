import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCircleCheck, IconFileInvoice, IconLock, IconTrash, IconX } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { asApiError } from "@/api/problem";
import { DocumentDeliveryButtons, DraftPreviewButton } from "@/components/billing/document-delivery-buttons";
import { DocumentEmailsPanel } from "@/components/billing/document-emails";
import { LineEditor } from "@/components/sales-lines/line-editor";
import { ReasonModal } from "@/components/sales-lines/reason-modal";
import { OnceButton } from "@/components/ui/once-button";
import { SalesLinesTable } from "@/components/sales-lines/sales-lines-table";
import { type LinesValues, fromLineResponse, linesProblem, toLineRequest } from "@/components/sales-lines/sales-lines-api";
import { renameProblemFields, useApiForm } from "@/components/forms/use-api-form";
import { OrderStatusBadge } from "@/components/sales-lines/status-badges";
import { TotalsPanel } from "@/components/sales-lines/totals-panel";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { formatMoney } from "@/lib/format-money";
import { type Order, type VersionedOrder, useCancelOrder, useDeleteOrder, useOrderTransition, useUpdateOrder } from "../api/orders";
import { BillingScheduleSection } from "./billing-schedule-editor";
import { OrderBillingBlock, OrderTimeline } from "./order-billing";
import { type HeaderValues, OrderHeaderForm, toHeaderValues, toOrderHeader } from "./order-header-form";

interface OrderValues extends HeaderValues, LinesValues {}

const valuesOf = (o: Order): OrderValues => ({ ...toHeaderValues(o), lines: o.lines.map(fromLineResponse) });

/**
 * The order: a draft is fully editable; once validated the financial content is frozen by the API, which explains
 * any refused change (409 document_frozen) in a French sentence shown here as is.
 */
export function OrderPage({
  data,
  canWrite,
  canReadSchedule,
  canWriteSchedule,
  canListUsers,
  canInvoice = false,
  onDeleted,
  statusExtra,
  deliveredQuantities,
}: {
  data: VersionedOrder;
  canWrite: boolean;
  canReadSchedule: boolean;
  canWriteSchedule: boolean;
  canListUsers: boolean;
  /** invoices:write: offers "Facturer" on a validated order with something left to invoice. */
  canInvoice?: boolean;
  onDeleted: () => void;
  /** Badges of what other modules derive from the order (e.g. "Partiellement livrée"), next to its status. */
  statusExtra?: ReactNode;
  /** Quantity delivered per order line, from the delivery notes ("Qté livrée"). */
  deliveredQuantities?: Record<string, number>;
}) {
  const { t } = useTranslation();
  const order = data.value;
  const draft = order.status === "Draft";
  const editable = canWrite && order.status !== "Cancelled";
  const [etag, setEtag] = useState(data.etag);
  const [dialog, setDialog] = useState<"validate" | "cancel" | "delete" | null>(null);
  const update = useUpdateOrder();
  const transition = useOrderTransition();
  const cancel = useCancelOrder();
  const remove = useDeleteOrder();
  const saveError = asApiError(update.error);
  const frozenRefusal = saveError?.code === "document_frozen" ? saveError : null;
  const { form, submitWith, failure, clearFailure, showFailure } = useApiForm<OrderValues>({
    // The header holds the payment terms as two fields: the problem's "paymentTerms(.days)" lands on them.
    mapProblem: (error) =>
      renameProblemFields(linesProblem(error), (path) =>
        /^paymentTerms\.days$/i.test(path) ? "paymentTermsDays" : /^paymentTerms(\.kind)?$/i.test(path) ? "paymentTermsKind" : path,
      ),
    initialValues: valuesOf(order),
  });
  const values = form.getValues();
  const dirty = form.isDirty();
  const requestOf = (v: OrderValues) => ({ id: order.id, etag, body: { ...toOrderHeader(v), lines: v.lines.map(toLineRequest) } });

  function reset(to: Order) {
    const next = valuesOf(to);
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
    form.clearErrors();
    clearFailure();
  }

  /** Saves the edits before the preview, so it shows what is on screen; a refusal stays on the form. */
  async function saveFirst() {
    const submitted = form.getValues();
    clearFailure();
    try {
      const saved = await update.mutateAsync(requestOf(submitted));
      setEtag(saved.etag);
      reset(saved.value);
    } catch (e) {
      showFailure(e, submitted);
      throw e;
    }
  }

  const submit = submitWith(update, requestOf, (saved) => {
    setEtag(saved.etag);
    reset(saved.value);
    notifications.show({ color: "green", message: t("orders.saved") });
  });

  const act = (action: "validate" | "close") =>
    transition.mutate(
      { id: order.id, action },
      {
        onSuccess: (result) => {
          setDialog(null);
          notifications.show({
            color: "green",
            message: action === "validate" ? t("orders.validatedDone", { number: result.number }) : t("orders.closedDone"),
          });
        },
      },
    );

  const ledgerByLine = new Map((order.billing?.lines ?? []).map((l) => [l.orderLineId, l]));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="order-title">
              {order.number ? t("orders.titleNumber", { number: order.number }) : t("orders.draftTitle")}
            </Title>
            <OrderStatusBadge status={order.status} leftToInvoice={order.billing?.leftToInvoiceExcludingVat} />
            {statusExtra}
          </Group>
          <Text c="dimmed">
            {order.customerName} · {formatMoney(order.totals.totalExcludingVat, order.currency)} {t("orders.ht")}
          </Text>
        </div>
        <Group gap="xs">
          {draft && <DraftPreviewButton type="orders" id={order.id} dirty={dirty} saveFirst={canWrite ? saveFirst : undefined} />}
          {canInvoice && order.status === "InProgress" && (order.billing?.leftToInvoiceExcludingVat ?? 0) > 0 && (
            <Button component={Link} to={`/invoices/new?orderId=${order.id}`} leftSection={<IconFileInvoice size={16} />}>
              {t("invoices.invoiceAction")}
            </Button>
          )}
                  {canWrite && (
            <>
            {draft && (
              <>
                <Button color="green" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog("validate")} disabled={dirty} title={dirty ? t("orders.saveFirst") : undefined}>
                  {t("orders.validate")}
                </Button>
                <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
                  {t("common.delete")}
                </Button>
              </>
            )}
            {order.status === "InProgress" && (
              <>
                <Button variant="default" leftSection={<IconLock size={16} />} loading={transition.isPending} onClick={() => act("close")}>
                  {t("orders.close")}
                </Button>
                {(order.billing?.invoicedExcludingVat ?? 0) === 0 && (
                  <Button color="red" variant="light" leftSection={<IconX size={16} />} onClick={() => setDialog("cancel")}>
                    {t("orders.cancel")}
                  </Button>
                )}
              </>
            )}
            </>
          )}
        </Group>
      </Group>
      {transition.error && dialog === null && <ProblemAlert error={transition.error} />}
      {!draft && order.number && (
        <DocumentDeliveryButtons
          type="orders"
          id={order.id}
          number={order.number}
          customerId={order.billToCustomerId}
          canSend={canWrite && order.status !== "Cancelled"}
          sendLabel={t("orders.sendConfirmation")}
          sendTitle={t("orders.confirmationTitle", { number: order.number })}
          defaultSubject={t("orders.confirmationSubject", { number: order.number })}
          defaultMessage={t("orders.confirmationMessage", { number: order.number, amount: formatMoney(order.totals.totalIncludingVat, order.currency) })}
        />
      )}
      {!draft && <DocumentEmailsPanel type="orders" id={order.id} />}
      {order.cancellationReason && (
        <Alert color="red" title={t("orders.cancelledTitle")}>
          {order.cancellationReason}
        </Alert>
      )}

      <form onSubmit={submit} noValidate aria-label={order.number ? t("orders.titleNumber", { number: order.number }) : t("orders.draftTitle")}>
      <Stack>
      {frozenRefusal ? (
        <Alert color="orange" variant="filled" role="alert" icon={<IconLock size={18} />} title={t("orders.frozenTitle")} data-testid="frozen-alert">
          {frozenRefusal.problem.detail ?? frozenRefusal.problem.title}
        </Alert>
      ) : (
        failure && <ProblemAlert error={failure.error} extraMessages={failure.unmatched} />
      )}

      <Paper withBorder p="md">
        <OrderHeaderForm
          values={values}
          onChange={(patch) => {
            for (const [field, value] of Object.entries(patch)) form.setFieldValue(field, value as never);
          }}
          errors={Object.fromEntries(Object.entries(form.errors).map(([path, message]) => [path, String(message)]))}
          readOnly={!editable}
          frozen={!draft}
          canListUsers={canListUsers}
        />
      </Paper>

      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t("salesLines.title")}</Title>
        </Group>
        {editable && draft ? (
          <LineEditor
            form={form}
            customerId={values.customerId}
            currency={order.currency}
          />
        ) : (
          <Stack>
            {!draft && order.status !== "Cancelled" && (
              <Text size="sm" c="dimmed" data-testid="lines-frozen">
                <IconLock size={14} style={{ verticalAlign: "-2px" }} /> {t("orders.linesFrozen")}
              </Text>
            )}
            <SalesLinesTable
              lines={order.lines}
              currency={order.currency}
              extraColumn={
                order.billing
                  ? { title: t("orders.leftNet"), render: (line) => formatMoney(ledgerByLine.get(line.id)?.leftNet ?? null, order.currency) }
                  : undefined
              }
            />
            <Group justify="flex-end">
              <TotalsPanel totals={order.totals} currency={order.currency} />
            </Group>
          </Stack>
        )}
      </Paper>

      {editable && (
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!dirty || update.isPending}
            onClick={() => {
              reset(order);
              update.reset();
            }}
          >
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!dirty}>
            {t("common.save")}
          </Button>
        </Group>
      )}
      </Stack>
      </form>

      <OrderBillingBlock order={order} delivered={deliveredQuantities} />
      {canReadSchedule && (order.status === "InProgress" || order.status === "Closed") && (
        <BillingScheduleSection orderId={order.id} canWrite={canWriteSchedule && order.status === "InProgress"} />
      )}
      <OrderTimeline order={order} />

      <Modal opened={dialog === "validate"} onClose={() => setDialog(null)} title={t("orders.validateTitle")}>
        <Stack>
          {transition.error ? <ProblemAlert error={transition.error} /> : null}
          <Text size="sm">{t("orders.validateExplain")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <OnceButton color="green" pending={transition.isPending} onClick={() => act("validate")}>
              {t("orders.validateConfirm")}
            </OnceButton>
          </Group>
        </Stack>
      </Modal>
      {dialog === "cancel" && (
        <ReasonModal
          opened
          title={t("orders.cancelTitle")}
          label={t("orders.cancelReason")}
          confirm={t("orders.cancel")}
          mutation={cancel}
          toVariables={(reason) => ({ id: order.id, reason })}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifications.show({ color: "green", message: t("orders.cancelledDone") });
          }}
        />
      )}
      <Modal opened={dialog === "delete"} onClose={() => setDialog(null)} title={t("orders.deleteTitle")}>
        <Stack>
          {remove.error ? <ProblemAlert error={remove.error} /> : null}
          <Text size="sm">{t("orders.deleteConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <OnceButton color="red" pending={remove.isPending} onClick={() => remove.mutate(order.id, { onSuccess: onDeleted })}>
              {t("common.delete")}
            </OnceButton>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
