import type { ProvidersSchemaJson } from "../../src/index.js";

export interface CliClient {
  readonly name: "tofu" | "terraform";
  readonly version: string;
  readonly path: string;
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [maj = 0, min = 0] = version.split(".").map(Number);
  return maj > major || (maj === major && min >= minor);
}

/** `ephemeral` blocks: Terraform ≥ 1.10, OpenTofu ≥ 1.11. */
export function hasEphemeralResources(client: CliClient): boolean {
  return client.name === "terraform" ? atLeast(client.version, 1, 10) : atLeast(client.version, 1, 11);
}

/** Write-only attributes: Terraform ≥ 1.11, OpenTofu ≥ 1.11. */
export function hasWriteOnlyAttributes(client: CliClient): boolean {
  return atLeast(client.version, 1, 11);
}

/** `providers schema -json` as this CLI prints it: older CLIs drop what their copy of the protocol lacks. */
export function schemaAsPrintedBy(client: CliClient, json: ProvidersSchemaJson): ProvidersSchemaJson {
  const dropped = new Set([
    ...(hasEphemeralResources(client) ? [] : ["ephemeral_resource_schemas"]),
    ...(hasWriteOnlyAttributes(client) ? [] : ["write_only"]),
  ]);
  return JSON.parse(JSON.stringify(json, (key, value: unknown) => (dropped.has(key) ? undefined : value))) as ProvidersSchemaJson;
}
