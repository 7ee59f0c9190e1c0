// The list of code generators, shared by `npm run generate` and the staleness test.
// Each returns the files it would write, so a test can compare without touching the tree.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { cdktfBindings, cdktnBindings } from "./generate-cdktf-bindings.mjs";
import { providerDocs } from "./generate-provider-docs.mjs";
import { providerSchema } from "./generate-provider-schema.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const contractUrl = new URL("../openapi.yaml", import.meta.url);

const HEADER = "// Generated from openapi.yaml by `npm run generate`. Do not edit.\n";

export const sdkTypes = {
  name: "sdk types (openapi-typescript)",
  async run() {
    // defaultNonNullable off: a field with a default is optional in a request body, not required.
    const ast = await openapiTS(contractUrl, { alphabetize: false, exportType: false, defaultNonNullable: false });
    return [{ path: `${root}packages/sdk/src/generated/schema.ts`, content: HEADER + astToString(ast) }];
  },
};

export const generators = [sdkTypes, providerSchema, cdktfBindings, cdktnBindings, providerDocs];

/** Files a generator once wrote and no longer would (e.g. a resource removed from the schema). */
export async function obsoleteFiles() {
  const obsolete = [];
  for (const generator of generators) if (generator.obsolete) obsolete.push(...(await generator.obsolete()));
  return obsolete;
}

/** Generated files that differ from what the generators produce now, or should no longer exist. */
export async function staleFiles() {
  const stale = [];
  for (const generator of generators) {
    for (const { path, content } of await generator.run()) {
      const current = await readFile(path, "utf8").catch(() => null);
      if (current !== content) stale.push(path);
    }
  }
  return [...stale, ...(await obsoleteFiles())];
}
