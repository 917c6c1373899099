import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { tokenFromHash, useAcceptInvitation, useConfirmPasswordReset } from "@/features/auth/api/password-links";
import { SetPasswordForm } from "@/features/auth/components/set-password-form";
import { PublicPage } from "./public-page";

/** State handed to the sign-in page once a password was set from a link. */
export interface PasswordSetState {
  email: string;
  notice: "invitationAccepted" | "passwordReset";
}

function usePasswordLink() {
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the fragment is the secret, and the page may rewrite its URL later.
  const [token] = useState(() => tokenFromHash(location.hash));
  const done = (state: PasswordSetState) => void navigate("/login", { replace: true, state });
  return { token, done };
}

/** `/reset-password#token=…`, the link of the "mot de passe oublié" e-mail. */
export function ResetPasswordRoute() {
  const { token, done } = usePasswordLink();
  const confirm = useConfirmPasswordReset();
  return (
    <PublicPage>
      <SetPasswordForm kind="reset" token={token} mutation={confirm} onDone={(email) => done({ email, notice: "passwordReset" })} />
    </PublicPage>
  );
}

/** `/accept-invitation#token=…`, the link of the invitation e-mail. */
export function AcceptInvitationRoute() {
  const { token, done } = usePasswordLink();
  const accept = useAcceptInvitation();
  return (
    <PublicPage>
      <SetPasswordForm kind="invitation" token={token} mutation={accept} onDone={(email) => done({ email, notice: "invitationAccepted" })} />
    </PublicPage>
  );
}
