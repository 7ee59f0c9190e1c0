import type { Request } from "express";
import type { Page } from "../../domain/ports.js";

/** `cursor` and `limit` as the validator left them (limit coerced, default 50). */
export function pageQuery(req: Request): { after?: string; limit: number } {
  const cursor = req.query.cursor;
  return { ...(typeof cursor === "string" && { after: cursor }), limit: Number(req.query.limit ?? 50) };
}

export function pageBody<T, U = T>(page: Page<T>, map: (item: T) => U = (item) => item as unknown as U) {
  return { data: page.items.map(map), next_cursor: page.next };
}
