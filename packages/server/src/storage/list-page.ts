import type { ListQuery, Page } from "../domain/ports.js";

/** Pages through records in insertion order; shared by the adapters' tables. */
export function pageOf<T extends { id: string }>(
  ids: Iterable<string>,
  lookup: (id: string) => T | undefined,
  query: ListQuery<T> = {},
): Page<T> {
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const where = query.where ? Object.entries(query.where) : [];
  let started = query.after === undefined;
  const items: T[] = [];
  for (const id of ids) {
    if (!started) {
      started = id === query.after;
      continue;
    }
    const record = lookup(id);
    if (!record) continue;
    if (where.some(([field, value]) => (record as Record<string, unknown>)[field] !== value)) continue;
    if (query.filter && !query.filter(record)) continue;
    if (items.length === limit) return { items, next: items[items.length - 1]?.id ?? null };
    items.push(record);
  }
  return { items, next: null };
}
