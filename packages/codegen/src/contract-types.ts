// The contract's TypeScript types (openapi-typescript): `paths`, `components`, `operations`, plus one root alias per
// component (`ApiKey`, `ResponseNotFound`, `ParameterKeyId`, …), so no package writes an alias list by hand.
import openapiTS, { astToString } from "openapi-typescript";
import { readContractText } from "./contract.js";
import type { Generator } from "./generator.js";
import { contractGeneratedDir } from "./paths.js";

const HEADER = "// Generated from openapi.yaml by `npm run generate`. Do not edit.\n";

export const contractTypes: Generator = {
  name: "contract types (openapi-typescript)",
  async run() {
    const ast = await openapiTS(await readContractText(), {
      alphabetize: false,
      exportType: false,
      // Off: a field with a default is optional in a request body, not required.
      defaultNonNullable: false,
      rootTypes: true,
      // Schemas keep their own names (`ApiKey`, not `SchemaApiKey`): the SDK has exported them so since 0.1.0.
      rootTypesNoSchemaPrefix: true,
    });
    return [{ path: `${contractGeneratedDir}schema.ts`, content: HEADER + astToString(ast) }];
  },
};
