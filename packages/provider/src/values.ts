import { isUnknown, type Unknown } from "@keyward/tfplugin";

/** A planned value, or undefined while unknown (computed attributes the server fills in). */
export function known<T>(value: T): Exclude<T, Unknown> | undefined {
  return isUnknown(value) ? undefined : (value as Exclude<T, Unknown>);
}
