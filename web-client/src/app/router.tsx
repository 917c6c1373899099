import type { RouteObject } from "react-router";
import { Navigate } from "react-router";
import { moduleNav } from "./navigation";
import { ChangePasswordRoute } from "./routes/change-password";
import { ForgotPasswordRoute } from "./routes/forgot-password";
import { AcceptInvitationRoute, ResetPasswordRoute } from "./routes/password-link";
import { LoginRoute } from "./routes/login";
import { NotFoundRoute } from "./routes/not-found";
import { AppRoot } from "./routes/app/root";
import { HomeRoute } from "./routes/app/home";
import { ModulePlaceholderRoute } from "./routes/app/module-placeholder";
import { CustomersListRoute } from "./routes/app/customers/customers-list";
import { CustomerNewRoute } from "./routes/app/customers/customer-new";
import { CustomerDetailRoute } from "./routes/app/customers/customer-detail";
import { CustomerEditRoute } from "./routes/app/customers/customer-edit";
import { ProductsListRoute } from "./routes/app/products/products-list";
import { ProductNewRoute } from "./routes/app/products/product-new";
import { ProductDetailRoute } from "./routes/app/products/product-detail";
import { OpportunitiesListRoute } from "./routes/app/opportunities/opportunities-list";
import { OpportunityDetailRoute } from "./routes/app/opportunities/opportunity-detail";
import { QuotesListRoute } from "./routes/app/quotes/quotes-list";
import { QuoteNewRoute } from "./routes/app/quotes/quote-new";
import { QuoteDetailRoute } from "./routes/app/quotes/quote-detail";
import { OrdersListRoute } from "./routes/app/orders/orders-list";
import { OrderNewRoute } from "./routes/app/orders/order-new";
import { OrderDetailRoute } from "./routes/app/orders/order-detail";
import { InvoicesListRoute } from "./routes/app/invoices/invoices-list";
import { InvoiceNewRoute } from "./routes/app/invoices/invoice-new";
import { InvoiceNewDirectRoute } from "./routes/app/invoices/invoice-new-direct";
import { InvoiceDetailRoute } from "./routes/app/invoices/invoice-detail";
import { CreditNotesListRoute } from "./routes/app/credit-notes/credit-notes-list";
import { CreditNoteNewRoute } from "./routes/app/credit-notes/credit-note-new";
import { CreditNoteDetailRoute } from "./routes/app/credit-notes/credit-note-detail";
import { SettingsLayout } from "./routes/app/settings/settings-layout";
import { CompanySettingsRoute } from "./routes/app/settings/company";
import { DocumentTemplatesSettingsRoute } from "./routes/app/settings/document-templates";
import { NumberingSettingsRoute } from "./routes/app/settings/numbering";
import { UsersSettingsRoute } from "./routes/app/settings/users";
import { ApiKeysSettingsRoute } from "./routes/app/settings/api-keys";
import { AuditSettingsRoute } from "./routes/app/settings/audit";
import { ComplianceSettingsRoute } from "./routes/app/settings/compliance";
import { PaymentsListRoute } from "./routes/app/payments/payments-list";
import { PaymentNewRoute } from "./routes/app/payments/payment-new";
import { PaymentDetailRoute } from "./routes/app/payments/payment-detail";
import { ReceivablesRoute } from "./routes/app/receivables/receivables";
import { AccountingRoute } from "./routes/app/accounting/accounting";
import { AccountingSettingsRoute } from "./routes/app/settings/accounting";
import { ReminderSettingsRoute } from "./routes/app/settings/reminders";

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginRoute /> },
  { path: "/change-password", element: <ChangePasswordRoute /> },
  { path: "/forgot-password", element: <ForgotPasswordRoute /> },
  { path: "/reset-password", element: <ResetPasswordRoute /> },
  { path: "/accept-invitation", element: <AcceptInvitationRoute /> },
  {
    path: "/",
    element: <AppRoot />,
    children: [
      { index: true, element: <HomeRoute /> },
      ...moduleNav
        .filter((m) => !m.built)
        .map((m) => ({ path: m.path.slice(1), element: <ModulePlaceholderRoute moduleKey={m.key} /> })),
      { path: "customers", element: <CustomersListRoute /> },
      { path: "customers/new", element: <CustomerNewRoute /> },
      { path: "customers/:id", element: <CustomerDetailRoute /> },
      { path: "customers/:id/edit", element: <CustomerEditRoute /> },
      { path: "products", element: <ProductsListRoute /> },
      { path: "products/new", element: <ProductNewRoute /> },
      { path: "products/:id", element: <ProductDetailRoute /> },
      { path: "opportunities", element: <OpportunitiesListRoute /> },
      { path: "opportunities/:id", element: <OpportunityDetailRoute /> },
      { path: "quotes", element: <QuotesListRoute /> },
      { path: "quotes/new", element: <QuoteNewRoute /> },
      { path: "quotes/:id", element: <QuoteDetailRoute /> },
      { path: "orders", element: <OrdersListRoute /> },
      { path: "orders/new", element: <OrderNewRoute /> },
      { path: "orders/:id", element: <OrderDetailRoute /> },
      { path: "invoices", element: <InvoicesListRoute /> },
      { path: "invoices/new", element: <InvoiceNewRoute /> },
      { path: "invoices/new-direct", element: <InvoiceNewDirectRoute /> },
      { path: "invoices/:id", element: <InvoiceDetailRoute /> },
      { path: "credit-notes", element: <CreditNotesListRoute /> },
      { path: "credit-notes/new", element: <CreditNoteNewRoute /> },
      { path: "credit-notes/:id", element: <CreditNoteDetailRoute /> },
      { path: "payments", element: <PaymentsListRoute /> },
      { path: "payments/new", element: <PaymentNewRoute /> },
      { path: "payments/:id", element: <PaymentDetailRoute /> },
      { path: "receivables", element: <ReceivablesRoute /> },
      { path: "accounting-export", element: <AccountingRoute /> },
      {
        path: "settings",
        element: <SettingsLayout />,
        children: [
          { index: true, element: <Navigate to="company" replace /> },
          { path: "company", element: <CompanySettingsRoute /> },
          { path: "numbering", element: <NumberingSettingsRoute /> },
          { path: "document-templates", element: <DocumentTemplatesSettingsRoute /> },
          { path: "users", element: <UsersSettingsRoute /> },
          { path: "api-keys", element: <ApiKeysSettingsRoute /> },
          { path: "audit", element: <AuditSettingsRoute /> },
          { path: "compliance", element: <ComplianceSettingsRoute /> },
          { path: "accounting", element: <AccountingSettingsRoute /> },
          { path: "reminders", element: <ReminderSettingsRoute /> },
        ],
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];
