import type { TFunction } from "i18next";

/**
 * The resources whose module exists today. The API's scope list also names modules still to come (delivery notes,
 * contracts, projects, time entries, e-invoices, webhooks): a key given those scopes could do nothing with them, so
 * they are not offered.
 */
export const availableScopeResources = [
  "company",
  "users",
  "api-keys",
  "audit",
  "customers",
  "products",
  "opportunities",
  "quotes",
  "orders",
  "billing-schedules",
  "invoices",
  "credit-notes",
  "payments",
  "receivables",
  "accounting",
  "document-templates",
] as const;

const available = new Set<string>(availableScopeResources);

export const isAvailableScope = (scope: string) => available.has(scope.split(":")[0] ?? "");

/** "customers:read" → "Clients · lecture". */
export function scopeLabel(t: TFunction, scope: string): string {
  const [resource = "", access = ""] = scope.split(":");
  return `${t(`apiKeys.resources.${resource}`, { defaultValue: resource })} · ${t(`apiKeys.access.${access}`, { defaultValue: access })}`;
}
