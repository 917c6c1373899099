import { useTranslation } from "react-i18next";
import { ImportCsvModal } from "@/components/ui/import-csv-modal";
import { useImportCustomers } from "../api/customers";

export function ImportCustomersModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useImportCustomers();
  return <ImportCsvModal opened={opened} onClose={onClose} title={t("imports.customersTitle")} help={t("imports.customersHelp")} mutation={mutation} />;
}
