import { Unknown } from "../protocol/cty/unknown.js";
import type { CtyObject } from "../protocol/cty/value.js";
import { type CtyValue, unknownPaths } from "../protocol/cty/value.js";
import type { Diagnostic } from "../protocol/diagnostics.js";
import { Diagnostics, guard } from "./diagnostics.js";
import type { BlockDefinition, Planned } from "./schema.js";
import { walkSchema } from "./schema-walk.js";

type ValidateHandler = (
  req: { readonly config: Planned<CtyObject> },
  resp: { readonly diagnostics: Diagnostics },
) => void | Promise<void>;

/**
 * Attribute validators (only for wholly known, non-null values: configs hold unknowns at validate time), then the
 * definition's own `validate` if the attributes passed.
 */
export async function validateConfig(
  what: string,
  definition: BlockDefinition,
  config: CtyValue,
  validate: ValidateHandler | undefined,
): Promise<Diagnostic[]> {
  const diagnostics = new Diagnostics();
  walkSchema(
    definition,
    { config, plan: config, state: null },
    {
      attribute: ({ attribute, path, values }) => {
        const value = values.config;
        if (value !== null && value !== Unknown && unknownPaths(value).length === 0) {
          for (const validator of attribute.validators ?? []) {
            diagnostics.add(...validator.validate(value, path));
          }
        }
        return values.plan;
      },
    },
  );
  if (validate && !diagnostics.hasErrors() && config !== null && config !== Unknown) {
    await guard(diagnostics, `${what} validate`, () =>
      validate({ config: config as Planned<CtyObject> }, { diagnostics }),
    );
  }
  return diagnostics.items;
}
