// What each Terraform-compatible CLI version supports, for tests that run on old and new CLIs alike.
import type { ProvidersSchemaJson } from "@keyward/tfplugin";
import type { TerraformClient } from "./tools/terraform-cli.js";

type Version = readonly [major: number, minor: number, patch: number];

function atLeast(version: string, least: Version): boolean {
  const have = version.split(/[.-]/).slice(0, 3).map(Number);
  const at = least.findIndex((part, i) => (have[i] ?? 0) !== part);
  return at < 0 || (have[at] ?? 0) > (least[at] ?? 0);
}

/** `ephemeral` blocks: Terraform ≥ 1.10, OpenTofu ≥ 1.11. */
export function hasEphemeralResources(client: TerraformClient): boolean {
  return atLeast(client.version, client.name === "terraform" ? [1, 10, 0] : [1, 11, 0]);
}

/** Write-only attributes: Terraform ≥ 1.11, OpenTofu ≥ 1.11. */
export function hasWriteOnlyAttributes(client: TerraformClient): boolean {
  return atLeast(client.version, [1, 11, 0]);
}

/**
 * Keyward's secret-free keys (an ephemeral token into a write-only attribute): Terraform ≥ 1.11.1 (1.11.0 mishandles
 * ephemeral values that are also sensitive, hashicorp/terraform#36619) and OpenTofu ≥ 1.11.
 */
export function supportsSecretFreeKeys(client: TerraformClient): boolean {
  return atLeast(client.version, client.name === "terraform" ? [1, 11, 1] : [1, 11, 0]);
}

/** `providers schema -json` as this CLI prints it: older CLIs drop what their copy of the protocol lacks. */
export function schemaAsPrintedBy(client: TerraformClient, json: ProvidersSchemaJson): ProvidersSchemaJson {
  const dropped = new Set([
    ...(hasEphemeralResources(client) ? [] : ["ephemeral_resource_schemas"]),
    ...(hasWriteOnlyAttributes(client) ? [] : ["write_only"]),
  ]);
  return JSON.parse(
    JSON.stringify(json, (key, value: unknown) => (dropped.has(key) ? undefined : value)),
  ) as ProvidersSchemaJson;
}
