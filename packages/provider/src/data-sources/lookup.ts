// The "by id or by name" lookup shared by the role and integration-user data sources.
import { type Diagnostics, isUnknown, type Planned } from "@keyward/tfplugin";

/** Exactly one of the two lookup attributes must be set (unknown counts as set: it will be). */
export function validateLookup(
  config: Planned<Record<string, unknown>>,
  names: readonly [string, string],
  diagnostics: Diagnostics,
): void {
  const given = names.filter((name) => config[name] !== null || isUnknown(config[name]));
  if (given.length !== 1) {
    diagnostics.error("Invalid lookup", `Give exactly one of ${names.join(" or ")}.`, [names[0]]);
  }
}

/** Walks a paginated list until `matches`; undefined when nothing matches. */
export async function findFirst<T>(items: AsyncIterable<T>, matches: (item: T) => boolean): Promise<T | undefined> {
  for await (const item of items) {
    if (matches(item)) {
      return item;
    }
  }
  return undefined;
}
