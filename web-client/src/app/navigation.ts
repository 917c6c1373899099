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
}

export const moduleNav: ModuleNavItem[] = [
  { key: "home", path: "/", permission: null, icon: IconHome },
  { key: "customers", path: "/customers", permission: "customers:read", icon: IconUsers },
  { key: "products", path: "/products", permission: "products:read", icon: IconPackage },
  { key: "opportunities", path: "/opportunities", permission: "opportunities:read", icon: IconTargetArrow },
  { key: "quotes", path: "/quotes", permission: "quotes:read", icon: IconFileText },
  { key: "orders", path: "/orders", permission: "orders:read", icon: IconClipboardList },
  { key: "invoices", path: "/invoices", permission: "invoices:read", icon: IconFileInvoice },
  { key: "creditNotes", path: "/credit-notes", permission: "credit-notes:read", icon: IconFileMinus },
  { key: "payments", path: "/payments", permission: "payments:read", icon: IconCash },
  { key: "receivables", path: "/receivables", permission: "receivables:read", icon: IconChartBar },
  { key: "deliveryNotes", path: "/delivery-notes", permission: "delivery-notes:read", icon: IconTruckDelivery },
  { key: "contracts", path: "/contracts", permission: "contracts:read", icon: IconSignature },
  { key: "projects", path: "/projects", permission: "projects:read", icon: IconBuildingWarehouse },
  { key: "accountingExport", path: "/accounting-export", permission: "accounting:read", icon: IconFileExport },
  { key: "settings", path: "/settings", permission: "company:read", icon: IconSettings },
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

