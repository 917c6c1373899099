import { Button, Center } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Cursor paging: the API gives hasMore/nextCursor, never a page count. */
export function LoadMoreButton({ hasMore, loading, onClick }: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={loading} onClick={onClick}>
        {t("common.loadMore")}
      </Button>
    </Center>
  );
}
