import { randomBase62 } from "@keyward/contract";

export type IdKind = "usr" | "rol" | "key" | "adm" | "aud" | string;

/** Ids are a short type prefix plus 16 base62 characters, the shape the contract's patterns accept. */
export function newId(kind: IdKind): string {
  return `${kind}_${randomBase62(16)}`;
}
