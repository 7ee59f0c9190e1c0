// What the secret-free tests check after CLI runs: no Keyward token in any file the CLI wrote (state, backups, saved
// plans and the entries of their zips), and no change in a re-plan besides the one OpenTofu 1.11 always lists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { TerraformClient } from "./tools/terraform-cli.js";
import { zipEntries } from "./zip-entries.js";

/** Any Keyward token, key or admin. */
export const anyKeywardToken = /kwa?_[0-9A-Za-z]{36}/;

/** Every file in `dir` but `except` and the folders (.terraform), as text; a saved plan (`*.tfplan`) by zip entry. */
export function writtenFiles(dir: string, except: readonly string[]): [name: string, text: string][] {
  const files: [string, string][] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (except.includes(name) || statSync(path).isDirectory()) {
      continue;
    }
    if (name.endsWith(".tfplan")) {
      for (const [entry, data] of zipEntries(path)) {
        files.push([`${name}:${entry}`, data.toString("latin1")]);
      }
    } else {
      files.push([name, readFileSync(path, "latin1")]);
    }
  }
  return files;
}

/** `show -json` of a plan, as far as the checks read it. */
export interface PlanJson {
  readonly resource_changes?: readonly { address: string; change: { actions: string[] } }[];
}

/**
 * The planned changes other than no-ops. OpenTofu 1.11 lists each ephemeral resource as "open" (gone in 1.12):
 * exactly that is allowed.
 */
export function realChanges(client: TerraformClient, plan: PlanJson): string[] {
  return (plan.resource_changes ?? [])
    .filter(
      (c) =>
        !(
          c.change.actions.join() === "no-op" ||
          (client.name === "tofu" && c.address.startsWith("ephemeral.") && c.change.actions.join() === "open")
        ),
    )
    .map((c) => `${c.address}: ${c.change.actions.join()}`);
}
