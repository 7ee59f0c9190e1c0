// Generates the Terraform provider's schemas from openapi.yaml: the tfplugin schema definitions (TypeScript) and
// the provider schema as `terraform providers schema -json` prints it.
import { loadContract } from "../contract.js";
import { type Generator, leftOverFiles } from "../generator.js";
import { providerGeneratedDir } from "../paths.js";
import { providerModel } from "./model.js";
import { renderSchemaJson } from "./render-json.js";
import { renderSchemasTs } from "./render-ts.js";

export const providerSchemaJsonPath = `${providerGeneratedDir}provider-schema.json`;

export const providerSchema: Generator = {
  name: "terraform provider schema",
  async run() {
    const model = providerModel(await loadContract());
    return [
      { path: `${providerGeneratedDir}schemas.ts`, content: renderSchemasTs(model) },
      { path: providerSchemaJsonPath, content: `${JSON.stringify(renderSchemaJson(model), null, 2)}\n` },
    ];
  },
  async obsolete() {
    return leftOverFiles(providerGeneratedDir, await this.run());
  },
};
