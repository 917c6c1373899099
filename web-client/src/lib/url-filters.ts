/**
 * A list's filters read from its address, so a figure elsewhere (the dashboard, a customer's page) can link to the list
 * already filtered: `/invoices?overdue=true`, `/orders?leftToInvoice=true&customerId=…`. Only the keys of `defaults`
 * are read; a boolean filter is on with `true`, the others take the text as it is (the API refuses a wrong value).
 */
export function urlFilters<T extends object>(params: URLSearchParams, defaults: T): T {
  const result = { ...defaults } as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = params.get(key);
    if (value === null || value === "") continue;
    result[key] = typeof fallback === "boolean" ? value === "true" : value;
  }
  return result as T;
}
