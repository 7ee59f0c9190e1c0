import type { ListQuery, Page } from "../domain/ports.js";

/**
 * Pages through records in insertion order; shared by the adapters' tables. The cursor is the last item's
 * insertion position, not its id, so a cursor whose item was deleted since still gives the items after it.
 */
export function pageOf<T extends { id: string }>(
  ids: Iterable<string>,
  lookup: (id: string) => T | undefined,
  positionOf: (id: string) => number,
  query: ListQuery<T> = {},
): Page<T> {
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const where = query.where ? Object.entries(query.where) : [];
  const after = query.after === undefined ? Number.NEGATIVE_INFINITY : cursorPosition(query.after);
  const items: T[] = [];
  for (const id of ids) {
    if (positionOf(id) <= after) {
      continue;
    }
    const record = lookup(id);
    if (!record) {
      continue;
    }
    if (where.some(([field, value]) => (record as Record<string, unknown>)[field] !== value)) {
      continue;
    }
    if (query.filter && !query.filter(record)) {
      continue;
    }
    if (items.length === limit) {
      return { items, next: cursorFor(positionOf(items[items.length - 1]!.id)) };
    }
    items.push(record);
  }
  return { items, next: null };
}

export function cursorFor(position: number): string {
  return String(position);
}

/** A cursor this store did not hand out lists nothing. */
export function cursorPosition(cursor: string): number {
  return /^\d{1,18}$/.test(cursor) ? Number(cursor) : Number.POSITIVE_INFINITY;
}
