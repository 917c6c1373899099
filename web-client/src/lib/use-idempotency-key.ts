import { useCallback, useState } from "react";

/**
 * One Idempotency-Key per submission: kept while the user retries the same form (so a retried POST is
 * not applied twice), renewed after a success.
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}
