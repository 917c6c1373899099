import type { ClientPathsWithMethod } from "openapi-fetch";
import type { fetchClient } from "./client";

/**
 * What each change makes stale, in one place: mutation ("METHOD path template") → the GET paths whose answers
 * it changes. `useApiMutation` (query.ts) marks them stale after a success, so no component keeps its own list.
 * A new endpoint gets its line here; the type below refuses a path the contract does not have.
 */

type Client = typeof fetchClient;
type Get = ClientPathsWithMethod<Client, "get">;
type Name = `POST ${ClientPathsWithMethod<Client, "post">}` | `PUT ${ClientPathsWithMethod<Client, "put">}` | `DELETE ${ClientPathsWithMethod<Client, "delete">}`;

const customers: Get[] = ["/api/v1/customers", "/api/v1/customers/{id}"];
const products: Get[] = ["/api/v1/products", "/api/v1/products/{id}"];
const opportunities: Get[] = ["/api/v1/opportunities", "/api/v1/opportunities/{id}"];
const quotes: Get[] = ["/api/v1/quotes", "/api/v1/quotes/{id}"];
const orders: Get[] = ["/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/orders/{id}/billing-schedule", "/api/v1/billing-schedule"];
const invoices: Get[] = ["/api/v1/invoices", "/api/v1/invoices/{id}", "/api/v1/invoices/{id}/payments", "/api/v1/invoices/{id}/reminders"];
const creditNotes: Get[] = ["/api/v1/credit-notes", "/api/v1/credit-notes/{id}"];
/** What a customer owes and has paid: open invoices of the payment form, credits, aging, the payments. */
const receivables: Get[] = [
  "/api/v1/customers/{id}/account",
  "/api/v1/receivables",
  "/api/v1/receivables/aging",
  "/api/v1/payments",
  "/api/v1/payments/{id}",
  "/api/v1/invoices",
  "/api/v1/invoices/{id}/payments",
  "/api/v1/credit-notes",
  "/api/v1/credit-notes/{id}",
];
/** A validated invoice or credit note enters the books, the fingerprint chain and the VAT summary. */
const ledger: Get[] = ["/api/v1/accounting/vat-summary", "/api/v1/compliance/chain"];
/** A delivery note moves its order's delivered and left-to-deliver quantities, and an invoice of notes marks them invoiced. */
const deliveryNotes: Get[] = ["/api/v1/delivery-notes", "/api/v1/delivery-notes/{id}", "/api/v1/orders/{id}/deliveries", "/api/v1/orders", "/api/v1/orders/{id}"];
/** A document that moves an order's "left to invoice": invoices and credit notes (a deleted draft of delivery notes frees them). */
const billing: Get[] = [...orders, ...invoices, ...creditNotes, ...receivables, ...deliveryNotes];
/** A contract's page, lists, renewals and periods; its billing creates invoices (see "invoice-due-periods"). */
const contracts: Get[] = ["/api/v1/contracts", "/api/v1/contracts/{id}", "/api/v1/contracts/renewals", "/api/v1/contracts/{id}/periods", "/api/v1/contracts/recurring-revenue"];
/** Projects and the time recorded on them: a project's page shows its time summary. */
const projects: Get[] = ["/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/projects/{id}/time-entries", "/api/v1/time-entries"];
const numbering: Get[] = ["/api/v1/numbering", "/api/v1/numbering/{documentType}", "/api/v1/numbering/{documentType}/issue-date-range"];

const map = {
  "POST /api/v1/customers": customers,
  "PUT /api/v1/customers/{id}": [...customers, ...receivables],
  "DELETE /api/v1/customers/{id}": customers,
  "POST /api/v1/customers/{id}/archive": customers,
  "POST /api/v1/customers/{id}/unarchive": customers,
  "POST /api/v1/customers/{id}/contacts": customers,
  "PUT /api/v1/customers/{id}/contacts/{contactId}": customers,
  "DELETE /api/v1/customers/{id}/contacts/{contactId}": customers,
  "POST /api/v1/customers/import": customers,

  "POST /api/v1/products": products,
  "PUT /api/v1/products/{id}": products,
  "DELETE /api/v1/products/{id}": products,
  "POST /api/v1/products/{id}/archive": products,
  "POST /api/v1/products/{id}/unarchive": products,
  "POST /api/v1/products/import": products,

  "POST /api/v1/opportunities": opportunities,
  "PUT /api/v1/opportunities/{id}": opportunities,
  "POST /api/v1/opportunities/{id}/win": [...opportunities, ...quotes, ...orders],
  "POST /api/v1/opportunities/{id}/lose": opportunities,
  "POST /api/v1/opportunities/{id}/reopen": opportunities,

  "POST /api/v1/quotes": [...quotes, ...opportunities, ...numbering],
  "PUT /api/v1/quotes/{id}": [...quotes, ...opportunities],
  "DELETE /api/v1/quotes/{id}": [...quotes, ...opportunities],
  "POST /api/v1/quotes/{id}/send": [...quotes, ...opportunities, ...numbering],
  "POST /api/v1/quotes/{id}/accept": [...quotes, ...opportunities],
  "POST /api/v1/quotes/{id}/refuse": [...quotes, ...opportunities],
  "POST /api/v1/quotes/{id}/duplicate": quotes,
  "POST /api/v1/quotes/{id}/email": ["/api/v1/quotes/{id}/emails"],

  "POST /api/v1/orders": orders,
  "POST /api/v1/orders/from-quote": [...orders, ...quotes, ...opportunities],
  "PUT /api/v1/orders/{id}": orders,
  "DELETE /api/v1/orders/{id}": orders,
  "POST /api/v1/orders/{id}/validate": [...orders, ...numbering],
  "POST /api/v1/orders/{id}/cancel": orders,
  "POST /api/v1/orders/{id}/close": orders,
  "PUT /api/v1/orders/{id}/billing-schedule": orders,
  "POST /api/v1/orders/{id}/send": ["/api/v1/orders/{id}/emails"],

  "POST /api/v1/delivery-notes": deliveryNotes,
  "PUT /api/v1/delivery-notes/{id}": deliveryNotes,
  "DELETE /api/v1/delivery-notes/{id}": deliveryNotes,
  "POST /api/v1/delivery-notes/{id}/validate": [...deliveryNotes, ...numbering],
  "POST /api/v1/delivery-notes/{id}/deliver": deliveryNotes,
  "POST /api/v1/delivery-notes/{id}/cancel": deliveryNotes,
  "POST /api/v1/delivery-notes/{id}/send": ["/api/v1/delivery-notes/{id}/emails"],

  "POST /api/v1/invoices": billing,
  "POST /api/v1/invoices/from-delivery-notes": billing,
  "POST /api/v1/invoices/from-order": billing,
  "PUT /api/v1/invoices/{id}": billing,
  "DELETE /api/v1/invoices/{id}": billing,
  "POST /api/v1/invoices/{id}/validate": [...billing, ...ledger, ...numbering],
  "POST /api/v1/invoices/{id}/send": ["/api/v1/invoices/{id}/emails"],
  "POST /api/v1/invoices/{id}/dispute": [...invoices, ...receivables],
  "DELETE /api/v1/invoices/{id}/dispute": [...invoices, ...receivables],
  "POST /api/v1/invoices/{id}/write-off": [...invoices, ...receivables, ...ledger],
  "POST /api/v1/invoices/{id}/reminders": [...invoices, "/api/v1/reminders"],
  /** Late-payment fees are a new invoice to the customer. */
  "POST /api/v1/invoices/{id}/late-fees": billing,

  "POST /api/v1/projects": projects,
  "POST /api/v1/projects/from-order": projects,
  "PUT /api/v1/projects/{id}": projects,
  "DELETE /api/v1/projects/{id}": projects,
  "POST /api/v1/projects/{id}/start": projects,
  "POST /api/v1/projects/{id}/complete": projects,
  "POST /api/v1/projects/{id}/cancel": projects,
  "POST /api/v1/projects/{id}/time-entries": projects,
  "PUT /api/v1/projects/{id}/time-entries/{entryId}": projects,
  "DELETE /api/v1/projects/{id}/time-entries/{entryId}": projects,
  "PUT /api/v1/timesheets/{userId}/{weekStart}": projects,
  /** Invoiced time is locked and becomes lines of a draft invoice. */
  "POST /api/v1/projects/{id}/invoice-time": [...projects, ...billing],

  "POST /api/v1/credit-notes": billing,
  "PUT /api/v1/credit-notes/{id}": billing,
  "DELETE /api/v1/credit-notes/{id}": billing,
  "POST /api/v1/credit-notes/{id}/validate": [...billing, ...ledger, ...numbering],
  "POST /api/v1/credit-notes/{id}/send": ["/api/v1/credit-notes/{id}/emails"],
  "POST /api/v1/credit-notes/{id}/apply": receivables,
  "POST /api/v1/credit-notes/{id}/refund": receivables,

  "POST /api/v1/payments": receivables,
  "POST /api/v1/payments/{id}/allocations": receivables,
  "POST /api/v1/payments/{id}/cancel": receivables,
  "POST /api/v1/payments/{id}/identify": receivables,
  "POST /api/v1/payments/{id}/write-off": [...receivables, ...ledger],

  "POST /api/v1/contracts": contracts,
  "POST /api/v1/contracts/from-order": [...contracts, ...orders],
  "PUT /api/v1/contracts/{id}": contracts,
  "DELETE /api/v1/contracts/{id}": [...contracts, ...orders],
  "POST /api/v1/contracts/{id}/activate": contracts,
  "POST /api/v1/contracts/{id}/terminate": contracts,
  "POST /api/v1/contracts/{id}/renew": contracts,
  "POST /api/v1/contracts/{id}/let-expire": contracts,
  "POST /api/v1/contracts/{id}/invoice-due-periods": [...contracts, ...billing, ...ledger, ...numbering],
  "PUT /api/v1/contracts/billing-settings": ["/api/v1/contracts/billing-settings"],

  "PUT /api/v1/reminders/settings": ["/api/v1/reminders/settings", "/api/v1/reminders"],
  "PUT /api/v1/accounting/settings": ["/api/v1/accounting/settings"],
  "POST /api/v1/accounting/exports": ["/api/v1/accounting/exports"],

  "PUT /api/v1/company": ["/api/v1/company", "/api/v1/auth/me"],
  "PUT /api/v1/company/logo": ["/api/v1/company"],
  "DELETE /api/v1/company/logo": ["/api/v1/company"],
  "PUT /api/v1/numbering/{documentType}": numbering,
  "PUT /api/v1/document-templates/{kind}": ["/api/v1/document-templates/{kind}"],
  "PUT /api/v1/document-templates/{kind}/logo": ["/api/v1/document-templates/{kind}"],
  "DELETE /api/v1/document-templates/{kind}/logo": ["/api/v1/document-templates/{kind}"],

  "POST /api/v1/users": ["/api/v1/users", "/api/v1/users/{id}"],
  "POST /api/v1/users/invitations": ["/api/v1/users", "/api/v1/users/{id}"],
  "POST /api/v1/users/{id}/invitation": ["/api/v1/users", "/api/v1/users/{id}"],
  "PUT /api/v1/users/{id}": ["/api/v1/users", "/api/v1/users/{id}", "/api/v1/auth/me"],
  "POST /api/v1/api-keys": ["/api/v1/api-keys"],
  "POST /api/v1/api-keys/{id}/revoke": ["/api/v1/api-keys"],

  "POST /api/v1/auth/change-password": ["/api/v1/auth/me"],
  "POST /api/v1/auth/login": [],
  "POST /api/v1/auth/logout": [],
  "POST /api/v1/auth/invitation/accept": [],
  "POST /api/v1/auth/password-reset": [],
  "POST /api/v1/auth/password-reset/confirm": [],
} satisfies Partial<Record<Name, readonly Get[]>>;

export type MutationName = keyof typeof map;

/** Every change is recorded in the audit log, so its list is stale after any of them, and so is the dashboard, which
 * shows the latest of them besides figures most changes move (revenue, left to invoice, what is owed, milestones). */
const always: Get[] = ["/api/v1/audit-events", "/api/v1/dashboard"];

export function invalidatedBy(mutation: MutationName): readonly Get[] {
  return [...map[mutation], ...always];
}
