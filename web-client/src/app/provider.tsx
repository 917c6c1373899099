import { Badge, MantineProvider, NumberInput, Popover, createTheme } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import "dayjs/locale/fr";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { asApiError } from "@/api/problem";
import { i18n } from "@/lib/i18n/i18n";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    // Every number field writes French numbers: "1 250,50", never "1250.50" (a form may still override).
    NumberInput: NumberInput.extend({ defaultProps: { decimalSeparator: ",", thousandSeparator: "\u202f" } }),
    // A badge is never cut to "Acomp…": its label keeps its full width, so a table column cannot shrink below it.
    Badge: Badge.extend({ styles: { label: { overflow: "visible", textOverflow: "clip" } } }),
    // Under Vitest (jsdom, no layout) every element measures 0×0, so floating-ui reports every dropdown's target as
    // detached and the popover hides it once it has measured: whether a calendar showed depended on that timing (a test
    // failed that way on a loaded run). The browser keeps hiding a dropdown whose target scrolled away.
    Popover: Popover.extend({ defaultProps: { hideDetached: import.meta.env.MODE !== "test" } }),
  },
});

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors (401, 403, 404, 412…) will not heal by retrying.
        retry: (count, error) => {
          const apiError = asApiError(error);
          if (apiError && apiError.status < 500 && apiError.status !== 429) return false;
          return count < 2;
        },
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return <DatesProvider settings={{ locale: current.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <LocalizedDates>
          <QueryClientProvider client={queryClient}>
            {/* Bottom right: at the top they covered the page header's action buttons (Enregistrer, Valider…). */}
            <Notifications position="bottom-right" />
            {children}
          </QueryClientProvider>
        </LocalizedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
