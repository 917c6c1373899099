import { Anchor, Badge, Code, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from "@mantine/core";
import { IconFileText, IconHistory, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { components } from "@/api/schema";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/format-money";
import type { BillingLink, BillingSnapshot } from "./billing-api";

type Schemas = components["schemas"];

function Address({ address }: { address: Schemas["AddressSnapshot"] | null }) {
  if (!address) return null;
  return (
    <Text size="sm" style={{ whiteSpace: "pre-line" }}>
      {[address.line1, address.line2, `${address.postalCode} ${address.city}`, address.countryCode === "FR" ? null : address.countryCode].filter(Boolean).join("\n")}
    </Text>
  );
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label} :
      </Text>{" "}
      {value}
    </Text>
  );
}

/** The seller and the buyer exactly as frozen on the document at validation (later changes of the records do not show here). */
export function SnapshotPanel({ snapshot }: { snapshot: BillingSnapshot | null }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" aria-label={t("billing.snapshot")}>
      <Group gap="xs" mb="sm">
        <IconLock size={16} />
        <Title order={4}>{t("billing.snapshot")}</Title>
      </Group>
      {!snapshot ? (
        <Text c="dimmed" size="sm">
          {t("billing.snapshotPending")}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap={2} data-testid="snapshot-seller">
            <Text fw={600} size="sm">
              {t("billing.seller")}
            </Text>
            <Text size="sm">{snapshot.seller.legalName}</Text>
            <Row
              label={t("company.legalForm")}
              value={snapshot.seller.legalForm ? t(`legalForms.${snapshot.seller.legalForm}`, { defaultValue: snapshot.seller.legalForm }) : null}
            />
            <Address address={snapshot.seller.address} />
            <Row label={t("billing.siren")} value={snapshot.seller.siren} />
            <Row label={t("billing.rcs")} value={snapshot.seller.rcsCity} />
            <Row label={t("billing.vatNumber")} value={snapshot.seller.vatNumber} />
            <Row label={t("billing.shareCapital")} value={snapshot.seller.shareCapital === null ? null : formatMoney(snapshot.seller.shareCapital)} />
            <Row label={t("billing.iban")} value={snapshot.seller.iban} />
          </Stack>
          <Stack gap={2} data-testid="snapshot-buyer">
            <Text fw={600} size="sm">
              {t("billing.buyer")}
            </Text>
            <Text size="sm">{snapshot.buyer.name}</Text>
            <Address address={snapshot.buyer.billingAddress} />
            <Row label={t("billing.siren")} value={snapshot.buyer.siren} />
            <Row label={t("billing.vatNumber")} value={snapshot.buyer.vatNumber} />
            <Row label={t("billing.contact")} value={[snapshot.buyer.contactName, snapshot.buyer.contactEmail].filter(Boolean).join(" · ")} />
            <Row label={t("billing.accountingCode")} value={snapshot.buyer.accountingCode} />
          </Stack>
        </SimpleGrid>
      )}
      {snapshot && snapshot.legalNotes.length > 0 && (
        <Stack gap={2} mt="sm">
          {snapshot.legalNotes.map((note) => (
            <Text key={note} size="xs" c="dimmed">
              {note}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The SHA-256 fingerprint, its position in the company's chain and the archived PDF's digest. */
export function IntegrityPanel({
  fingerprint,
  chainSequence,
  validatedAt,
  archive,
}: {
  fingerprint: string | null;
  chainSequence: number | null;
  validatedAt: string | null;
  archive: Schemas["ArchiveResponse"] | null;
}) {
  const { t } = useTranslation();
  if (!fingerprint) return null;
  return (
    <Paper withBorder p="md" aria-label={t("billing.integrity")}>
      <Title order={4} mb="sm">
        {t("billing.integrity")}
      </Title>
      <Stack gap={4}>
        <Text size="sm">
          {t("billing.chainPosition")} : <strong data-testid="chain-sequence">{chainSequence}</strong>
          {validatedAt ? ` · ${t("billing.validatedAt", { date: formatDateTime(validatedAt) })}` : ""}
        </Text>
        <Text size="sm">{t("billing.fingerprint")}</Text>
        <Code block data-testid="fingerprint">
          {fingerprint}
        </Code>
        <Text size="sm">
          {archive ? t("billing.archived", { date: formatDateTime(archive.archivedAt) }) : t("billing.archivePending")}
        </Text>
        {archive && <Code block>{archive.sha256}</Code>}
      </Stack>
    </Paper>
  );
}

const linkPaths: Record<string, string> = {
  Order: "/orders",
  Invoice: "/invoices",
  DepositInvoice: "/invoices",
  CreditNote: "/credit-notes",
};

export function LinkedDocumentsPanel({ links, currency = "EUR", emptyText }: { links: BillingLink[]; currency?: string; emptyText: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("billing.linkedDocuments")}
      </Title>
      {links.length === 0 ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} aria-label={t("billing.linkedDocuments")}>
          {links.map((link) => {
            const path = linkPaths[link.type];
            const label = `${t(`billing.linkTypes.${link.type}`, { defaultValue: link.type })} ${link.number ?? t("billing.draft")}`;
            return (
              <Timeline.Item key={`${link.type}-${link.id}`} bullet={<IconFileText size={12} />} title={path ? <Anchor component={Link} to={`${path}/${link.id}`}>{label}</Anchor> : label}>
                <Group gap="xs">
                  {link.date && (
                    <Text size="xs" c="dimmed">
                      {formatDate(link.date)}
                    </Text>
                  )}
                  {link.totalIncludingVat !== null && (
                    <Badge size="sm" variant="light">
                      {formatMoney(link.totalIncludingVat, currency)} {t("billing.ttc")}
                    </Badge>
                  )}
                </Group>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}

export function HistoryPanel({ history }: { history: Schemas["OrderHistoryEntry"][] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t("billing.history")}
      </Title>
      <Stack gap={6} aria-label={t("billing.history")}>
        {history.map((h, i) => (
          <Group key={`${h.occurredAt}-${i}`} gap="xs" wrap="nowrap">
            <IconHistory size={14} />
            <Text size="sm">
              {t(`billing.actions.${h.action.replace(".", "_")}`, { defaultValue: h.action })} — {h.actorName ?? t("billing.system")}, {formatDateTime(h.occurredAt)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
