import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { RouterProvider, type createBrowserRouter } from "react-router";
import { setUnauthorizedHandler } from "@/api/client";
import { type Me, meQueryKey } from "@/features/auth/api/get-me";
import { SessionExpiredModal } from "@/features/auth/components/session-expired-modal";
import { AppProvider } from "./provider";

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * Wires the session-expiry rule to the router, then renders it. A 401 while the user submits something opens
 * "Session expirée" over the page (signing in again there sends the submission again, the form keeps what was
 * typed); a 401 while only reading goes to the sign-in page, which brings the user back afterwards.
 */
export function App({ router, queryClient }: { router: Router; queryClient: QueryClient }) {
  const [expired, setExpired] = useState<{ email: string; userId: string } | null>(null);
  const waiting = useRef<{ promise: Promise<boolean>; resolve: (signedIn: boolean) => void } | null>(null);

  function toLogin() {
    const { pathname, search } = router.state.location;
    if (pathname === "/login") return;
    queryClient.clear();
    const next = pathname === "/" || pathname === "/change-password" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    void router.navigate(`/login${next}`, { replace: true });
  }

  function finish(signedIn: boolean) {
    waiting.current?.resolve(signedIn);
    waiting.current = null;
    setExpired(null);
  }

  useEffect(() => {
    setUnauthorizedHandler(({ mutation }) => {
      if (router.state.location.pathname === "/login") return false;
      // Requests failing while the dialog is open wait for it too.
      if (waiting.current) return waiting.current.promise;
      const me = queryClient.getQueryData<Me>(meQueryKey);
      if (!mutation || !me) {
        toLogin();
        return false;
      }
      let resolve: (signedIn: boolean) => void = () => undefined;
      const promise = new Promise<boolean>((r) => (resolve = r));
      waiting.current = { promise, resolve };
      setExpired({ email: me.email, userId: me.userId });
      return promise;
    });
    return () => setUnauthorizedHandler(null);
  });

  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
      {expired && (
        <SessionExpiredModal
          opened
          email={expired.email}
          onSignedIn={(me) => {
            if (me.userId === expired.userId) {
              finish(true);
              return;
            }
            // Someone else signed in: nothing of the previous user's page may stay.
            finish(false);
            queryClient.clear();
            queryClient.setQueryData(meQueryKey, me);
            void router.navigate("/", { replace: true });
          }}
          onLeave={() => {
            finish(false);
            toLogin();
          }}
        />
      )}
    </AppProvider>
  );
}
