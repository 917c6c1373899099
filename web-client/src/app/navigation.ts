import {
  IconBuildingWarehouse,
  IconCash,
  IconChartBar,
  IconClipboardList,
  IconFileExport,
  IconFileInvoice,
  IconFileMinus,
  IconFileText,
  IconHome,
  IconPackage,
  IconSettings,
  IconSignature,
  IconTargetArrow,
  IconTruckDelivery,
  IconUsers,
  type Icon,
} from "@tabler/icons-react";

export interface ModuleNavItem {
  /** i18n key under "nav." and "modules." */
  key: string;
  path: string;
  /** Read permission the API checks for this module (Infrastructure/Security/Permissions.cs). */
  permission: string | null;
  icon: Icon;
  /** Built modules have their own routes; the others show the "coming soon" page. */
  built: boolean;
}

export const moduleNav: ModuleNavItem[] = [
  { key: "home", path: "/", permission: null, icon: IconHome, built: true },
  { key: "customers", path: "/customers", permission: "customers:read", icon: IconUsers, built: true },
  { key: "products", path: "/products", permission: "products:read", icon: IconPackage, built: true },
  { key: "opportunities", path: "/opportunities", permission: "opportunities:read", icon: IconTargetArrow, built: true },
  { key: "quotes", path: "/quotes", permission: "quotes:read", icon: IconFileText, built: true },
  { key: "orders", path: "/orders", permission: "orders:read", icon: IconClipboardList, built: true },
  { key: "invoices", path: "/invoices", permission: "invoices:read", icon: IconFileInvoice, built: true },
  { key: "creditNotes", path: "/credit-notes", permission: "credit-notes:read", icon: IconFileMinus, built: true },
  { key: "payments", path: "/payments", permission: "payments:read", icon: IconCash, built: true },
  { key: "receivables", path: "/receivables", permission: "receivables:read", icon: IconChartBar, built: true },
  { key: "deliveryNotes", path: "/delivery-notes", permission: "delivery-notes:read", icon: IconTruckDelivery, built: true },
  { key: "contracts", path: "/contracts", permission: "contracts:read", icon: IconSignature, built: true },
  { key: "projects", path: "/projects", permission: "projects:read", icon: IconBuildingWarehouse, built: true },
  { key: "accountingExport", path: "/accounting-export", permission: "accounting:read", icon: IconFileExport, built: true },
  { key: "settings", path: "/settings", permission: "company:read", icon: IconSettings, built: true },
];

export const settingsNav = [
  { key: "company", path: "/settings/company", permission: "company:read" },
  { key: "numbering", path: "/settings/numbering", permission: "company:read" },
  { key: "documentTemplates", path: "/settings/document-templates", permission: "document-templates:read" },
  { key: "users", path: "/settings/users", permission: "users:read" },
  { key: "apiKeys", path: "/settings/api-keys", permission: "api-keys:read" },
  { key: "audit", path: "/settings/audit", permission: "audit:read" },
  { key: "compliance", path: "/settings/compliance", permission: "audit:read" },
  { key: "accounting", path: "/settings/accounting", permission: "accounting:read" },
  { key: "reminders", path: "/settings/reminders", permission: "receivables:read" },
  { key: "contracts", path: "/settings/contracts", permission: "contracts:read" },
] as const;

