// Synthesised Terraform JSON, parsed, with the lookups the tests need.
import { Testing } from "cdktf";
import type { Construct } from "constructs";

export interface Synthesised {
  readonly json: string;
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly output: Record<string, { value: unknown; sensitive?: boolean }>;
}

export function synth(build: (scope: Construct) => void): Synthesised {
  const json = Testing.synthScope(build);
  const parsed = JSON.parse(json) as Omit<Synthesised, "json">;
  return { json, resource: parsed.resource ?? {}, output: parsed.output ?? {} };
}

/** The logical id of the only resource of `type` whose logical id starts with `prefix`. */
export function logicalId(synthesised: Synthesised, type: string, prefix: string): string {
  const ids = Object.keys(synthesised.resource[type] ?? {}).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) {
    throw new Error(`expected one ${type} named ${prefix}*, found: ${ids.join(", ") || "none"}`);
  }
  return ids[0] as string;
}
