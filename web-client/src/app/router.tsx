import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import { Navigate } from "react-router";
import { PageLoader } from "@/components/ui/page-loader";
import { LoginRoute } from "./routes/login";
import { NotFoundRoute } from "./routes/not-found";
import { AppRoot } from "./routes/app/root";

/**
 * A page loaded on first visit: each route is its own chunk, so the first load (the sign-in page) carries only the
 * frame, not every module of the application.
 */
function page<M extends Record<K, ComponentType>, K extends keyof M>(load: () => Promise<M>, name: K): Pick<RouteObject, "lazy"> {
  loaders.push(load);
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

const loaders: (() => Promise<unknown>)[] = [];

/** Loads every page's module now (the component tests do, before rendering, as when the routes were bundled together). */
export async function preloadAllRoutes(): Promise<void> {
  await Promise.all(loaders.map((load) => load()));
}

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginRoute /> },
  { path: "/change-password", ...page(() => import("./routes/change-password"), "ChangePasswordRoute") },
  { path: "/forgot-password", ...page(() => import("./routes/forgot-password"), "ForgotPasswordRoute") },
  { path: "/reset-password", ...page(() => import("./routes/password-link"), "ResetPasswordRoute") },
  { path: "/accept-invitation", ...page(() => import("./routes/password-link"), "AcceptInvitationRoute") },
  {
    path: "/",
    element: <AppRoot />,
    HydrateFallback: PageLoader,
    children: [
      { index: true, ...page(() => import("./routes/app/home"), "HomeRoute") },
      { path: "customers", ...page(() => import("./routes/app/customers/customers-list"), "CustomersListRoute") },
      { path: "customers/new", ...page(() => import("./routes/app/customers/customer-new"), "CustomerNewRoute") },
      { path: "customers/:id", ...page(() => import("./routes/app/customers/customer-detail"), "CustomerDetailRoute") },
      { path: "customers/:id/edit", ...page(() => import("./routes/app/customers/customer-edit"), "CustomerEditRoute") },
      { path: "products", ...page(() => import("./routes/app/products/products-list"), "ProductsListRoute") },
      { path: "products/new", ...page(() => import("./routes/app/products/product-new"), "ProductNewRoute") },
      { path: "products/:id", ...page(() => import("./routes/app/products/product-detail"), "ProductDetailRoute") },
      { path: "opportunities", ...page(() => import("./routes/app/opportunities/opportunities-list"), "OpportunitiesListRoute") },
      { path: "opportunities/:id", ...page(() => import("./routes/app/opportunities/opportunity-detail"), "OpportunityDetailRoute") },
      { path: "quotes", ...page(() => import("./routes/app/quotes/quotes-list"), "QuotesListRoute") },
      { path: "quotes/new", ...page(() => import("./routes/app/quotes/quote-new"), "QuoteNewRoute") },
      { path: "quotes/:id", ...page(() => import("./routes/app/quotes/quote-detail"), "QuoteDetailRoute") },
      { path: "orders", ...page(() => import("./routes/app/orders/orders-list"), "OrdersListRoute") },
      { path: "orders/new", ...page(() => import("./routes/app/orders/order-new"), "OrderNewRoute") },
      { path: "orders/:id", ...page(() => import("./routes/app/orders/order-detail"), "OrderDetailRoute") },
      { path: "invoices", ...page(() => import("./routes/app/invoices/invoices-list"), "InvoicesListRoute") },
      { path: "invoices/new", ...page(() => import("./routes/app/invoices/invoice-new"), "InvoiceNewRoute") },
      { path: "invoices/new-direct", ...page(() => import("./routes/app/invoices/invoice-new-direct"), "InvoiceNewDirectRoute") },
      { path: "invoices/:id", ...page(() => import("./routes/app/invoices/invoice-detail"), "InvoiceDetailRoute") },
      { path: "delivery-notes", ...page(() => import("./routes/app/delivery-notes/delivery-notes-list"), "DeliveryNotesListRoute") },
      { path: "delivery-notes/new", ...page(() => import("./routes/app/delivery-notes/delivery-note-new"), "DeliveryNoteNewRoute") },
      { path: "delivery-notes/:id", ...page(() => import("./routes/app/delivery-notes/delivery-note-detail"), "DeliveryNoteDetailRoute") },
      { path: "credit-notes", ...page(() => import("./routes/app/credit-notes/credit-notes-list"), "CreditNotesListRoute") },
      { path: "credit-notes/new", ...page(() => import("./routes/app/credit-notes/credit-note-new"), "CreditNoteNewRoute") },
      { path: "credit-notes/:id", ...page(() => import("./routes/app/credit-notes/credit-note-detail"), "CreditNoteDetailRoute") },
      { path: "payments", ...page(() => import("./routes/app/payments/payments-list"), "PaymentsListRoute") },
      { path: "payments/new", ...page(() => import("./routes/app/payments/payment-new"), "PaymentNewRoute") },
      { path: "payments/:id", ...page(() => import("./routes/app/payments/payment-detail"), "PaymentDetailRoute") },
      { path: "receivables", ...page(() => import("./routes/app/receivables/receivables"), "ReceivablesRoute") },
      { path: "contracts", ...page(() => import("./routes/app/contracts/contracts-list"), "ContractsListRoute") },
      { path: "contracts/new", ...page(() => import("./routes/app/contracts/contract-new"), "ContractNewRoute") },
      { path: "contracts/renewals", ...page(() => import("./routes/app/contracts/contract-renewals"), "ContractRenewalsRoute") },
      { path: "contracts/:id", ...page(() => import("./routes/app/contracts/contract-detail"), "ContractDetailRoute") },
      { path: "contracts/:id/edit", ...page(() => import("./routes/app/contracts/contract-edit"), "ContractEditRoute") },
      { path: "projects", ...page(() => import("./routes/app/projects/projects-list"), "ProjectsListRoute") },
      { path: "projects/new", ...page(() => import("./routes/app/projects/project-new"), "ProjectNewRoute") },
      { path: "projects/timesheet", ...page(() => import("./routes/app/projects/timesheet"), "TimesheetRoute") },
      { path: "projects/:id", ...page(() => import("./routes/app/projects/project-detail"), "ProjectDetailRoute") },
      { path: "accounting-export", ...page(() => import("./routes/app/accounting/accounting"), "AccountingRoute") },
      {
        path: "settings",
        ...page(() => import("./routes/app/settings/settings-layout"), "SettingsLayout"),
        children: [
          { index: true, element: <Navigate to="company" replace /> },
          { path: "company", ...page(() => import("./routes/app/settings/company"), "CompanySettingsRoute") },
          { path: "numbering", ...page(() => import("./routes/app/settings/numbering"), "NumberingSettingsRoute") },
          { path: "document-templates", ...page(() => import("./routes/app/settings/document-templates"), "DocumentTemplatesSettingsRoute") },
          { path: "users", ...page(() => import("./routes/app/settings/users"), "UsersSettingsRoute") },
          { path: "api-keys", ...page(() => import("./routes/app/settings/api-keys"), "ApiKeysSettingsRoute") },
          { path: "audit", ...page(() => import("./routes/app/settings/audit"), "AuditSettingsRoute") },
          { path: "compliance", ...page(() => import("./routes/app/settings/compliance"), "ComplianceSettingsRoute") },
          { path: "accounting", ...page(() => import("./routes/app/settings/accounting"), "AccountingSettingsRoute") },
          { path: "reminders", ...page(() => import("./routes/app/settings/reminders"), "ReminderSettingsRoute") },
          { path: "contracts", ...page(() => import("./routes/app/settings/contracts"), "ContractSettingsRoute") },
        ],
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];
