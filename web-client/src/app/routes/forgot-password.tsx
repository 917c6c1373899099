import { useLocation } from "react-router";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";
import { PublicPage } from "./public-page";

export function ForgotPasswordRoute() {
  const location = useLocation();
  const email = (location.state as { email?: string } | null)?.email ?? "";
  return (
    <PublicPage>
      <ForgotPasswordForm initialEmail={email} />
    </PublicPage>
  );
}
