import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconArchiveOff, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { ProblemAlert } from "@/components/ui/problem-alert";
import { type Product, useDeleteProduct, useSetProductArchived } from "../api/products";

/** Archive/unarchive and delete (a referenced product cannot be deleted: the API answers 409 and we offer to archive). */
export function ProductActions({ product, onDeleted }: { product: Product; onDeleted: () => void }) {
  const { t } = useTranslation();
  const archive = useSetProductArchived();
  const remove = useDeleteProduct();
  const [deleting, setDeleting] = useState(false);
  const referenced = asApiError(remove.error)?.code === "product_referenced";

  function setArchived(value: boolean, after?: () => void) {
    archive.mutate(
      { id: product.id, archive: value },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: value ? t("products.archivedDone") : t("products.unarchivedDone") });
          after?.();
        },
      },
    );
  }
  function closeDelete() {
    remove.reset();
    setDeleting(false);
  }

  return (
    <>
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={product.isArchived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
          loading={archive.isPending && !deleting}
          onClick={() => setArchived(!product.isArchived)}
        >
          {product.isArchived ? t("products.unarchive") : t("products.archive")}
        </Button>
        <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
          {t("common.delete")}
        </Button>
      </Group>
      {archive.error && !deleting && <ProblemAlert error={archive.error} />}
      <Modal opened={deleting} onClose={closeDelete} title={t("products.deleteTitle")}>
        <Stack>
          {referenced ? (
            <Alert color="orange" title={t("products.referencedTitle")} role="alert">
              {t("products.referenced", { name: product.name })}
            </Alert>
          ) : (
            <>
              <Text size="sm">{t("products.deleteConfirm", { name: product.name })}</Text>
              {remove.error && <ProblemAlert error={remove.error} />}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDelete}>
              {t("common.cancel")}
            </Button>
            {referenced ? (
              !product.isArchived && (
                <Button leftSection={<IconArchive size={16} />} loading={archive.isPending} onClick={() => setArchived(true, closeDelete)}>
                  {t("products.archive")}
                </Button>
              )
            ) : (
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(product.id, {
                    onSuccess: () => {
                      notifications.show({ color: "green", message: t("products.deleted", { name: product.name }) });
                      onDeleted();
                    },
                  })
                }
              >
                {t("common.delete")}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
