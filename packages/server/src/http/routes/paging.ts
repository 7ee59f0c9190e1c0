import type { Page } from "../../domain/ports.js";

/** `cursor` and `limit` as the validator left them (limit coerced, default 50). */
export function pageQuery(query: { cursor?: string; limit?: number }): { after?: string; limit: number } {
  return { ...(query.cursor !== undefined && { after: query.cursor }), limit: query.limit ?? 50 };
}

export function pageBody<T>(page: Page<T>): { data: T[]; next_cursor: string | null } {
  return { data: page.items, next_cursor: page.next };
}
