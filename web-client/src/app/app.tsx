import type { QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { RouterProvider, type createBrowserRouter } from "react-router";
import { setUnauthorizedHandler } from "@/api/client";
import { AppProvider } from "./provider";

type Router = ReturnType<typeof createBrowserRouter>;

/** Wires the session-expiry rule (any 401 → sign-in page) to the router, then renders it. */
export function App({ router, queryClient }: { router: Router; queryClient: QueryClient }) {
  useEffect(() => {
    setUnauthorizedHandler(() => {
      const { pathname, search } = router.state.location;
      if (pathname === "/login") return;
      queryClient.clear();
      const next = pathname === "/" || pathname === "/change-password" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
      void router.navigate(`/login${next}`, { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [router, queryClient]);

  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
