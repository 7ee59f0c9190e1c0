/**
 * The sentinel for a value that is not known yet (during validate and plan). A registered symbol, so two copies
 * of this module (e.g. a provider bundled next to a test harness) still agree on identity.
 */
export const Unknown: unique symbol = Symbol.for("tfplugin.unknown");
export type Unknown = typeof Unknown;

export function isUnknown(value: unknown): value is Unknown {
  return value === Unknown;
}
