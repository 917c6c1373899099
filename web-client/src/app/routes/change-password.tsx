import { Center } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { ErrorState } from "@/components/ui/error-state";
import { PageLoader } from "@/components/ui/page-loader";
import { asApiError } from "@/api/problem";
import { useMe } from "@/features/auth/api/get-me";
import { ChangePasswordForm } from "@/features/auth/components/change-password-form";

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return asApiError(me.error)?.status === 401 ? <Navigate to="/login" replace /> : <ErrorState error={me.error} />;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <ChangePasswordForm
        forced={me.data.mustChangePassword}
        onChanged={() => {
          notifications.show({ color: "green", message: t("auth.passwordChanged") });
          void navigate("/", { replace: true });
        }}
      />
    </Center>
  );
}
