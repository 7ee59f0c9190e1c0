// Types for terraform-cli.mjs (plain ESM so that .ci/run can call it before anything is built).
export interface TerraformClient {
  name: "tofu" | "terraform";
  version: string;
  path: string;
}
export const cacheBin: string;
export const installHint: string;
export function findClients(options?: { build?: boolean }): Promise<TerraformClient[]>;
export function ensureBuilt(name: "tofu" | "terraform"): Promise<void>;
export function supportsSecretFreeKeys(client: { name: "tofu" | "terraform"; version: string }): boolean;
