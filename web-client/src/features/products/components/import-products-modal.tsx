import { useTranslation } from "react-i18next";
import { ImportCsvModal } from "@/components/ui/import-csv-modal";
import { useImportProducts } from "../api/products";

export function ImportProductsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useImportProducts();
  return <ImportCsvModal opened={opened} onClose={onClose} title={t("imports.productsTitle")} help={t("imports.productsHelp")} mutation={mutation} />;
}
