/** One field an audit event records: its path ("billingAddress.city", "lines[2].unitPrice") and its value before and after. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>) {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(prefix, value);
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, into));
  } else if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) into.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  } else {
    into.set(prefix, value);
  }
}

/**
 * The fields an event changed: both snapshots flattened to leaf paths, only the paths whose value differs kept (in the
 * order they first appear). A creation (no "before") lists what was set; a deletion (no "after") what was removed.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (before != null) flatten(before, "", b);
  if (after != null) flatten(after, "", a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths
    .map((path) => ({ path, before: b.has(path) ? b.get(path) : null, after: a.has(path) ? a.get(path) : null }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}
