import type { CtyObject, CtyValue } from "../protocol/cty/value.js";
import { type Diagnostic, errorDiagnostic, formatPath } from "../protocol/diagnostics.js";
import type { BlockDefinition } from "./schema.js";
import { walkSchema } from "./schema-walk.js";

/**
 * Write-only attributes (protocol 6.8): core passes their values in the config and rejects any plan or state that
 * carries one, so the framework nulls them in every state it returns.
 */

interface Placement {
  readonly path: string;
  readonly inSet: boolean;
}

function placements(definition: BlockDefinition, prefix = "", inSet = false): Placement[] {
  const found: Placement[] = [];
  for (const [name, attribute] of Object.entries(definition.attributes)) {
    if (attribute.writeOnly) {
      found.push({ path: prefix + name, inSet });
    }
    if (attribute.nested) {
      const setNested = inSet || attribute.nested.nesting === "set";
      found.push(...placements({ attributes: attribute.nested.attributes }, `${prefix}${name}.`, setNested));
    }
  }
  for (const [name, block] of Object.entries(definition.blocks ?? {})) {
    found.push(...placements(block, `${prefix}${name}.`, inSet || block.nesting === "set"));
  }
  return found;
}

/** Throws where core would reject the schema: write-only outside managed resources, or inside a set. */
export function checkWriteOnlyPlacement(what: string, definition: BlockDefinition, managedResource: boolean): void {
  for (const { path, inSet } of placements(definition)) {
    if (!managedResource) {
      throw new Error(`schema of ${what}: attribute ${path} is write-only, which only managed resources may be`);
    }
    if (inSet) {
      throw new Error(`schema of ${what}: attribute ${path} is write-only inside a set, which core does not allow`);
    }
  }
}

const hasWriteOnlyCache = new WeakMap<BlockDefinition, boolean>();

function hasWriteOnly(definition: BlockDefinition): boolean {
  let has = hasWriteOnlyCache.get(definition);
  if (has === undefined) {
    has = placements(definition).length > 0;
    hasWriteOnlyCache.set(definition, has);
  }
  return has;
}

/** The value with every write-only attribute null, at every nesting level. */
export function nullWriteOnly(definition: BlockDefinition, value: CtyObject | null): CtyObject | null {
  if (value === null || !hasWriteOnly(definition)) {
    return value;
  }
  return walkSchema(
    definition,
    { config: null, plan: value, state: null },
    {
      attribute: ({ attribute, values }) => (attribute.writeOnly ? null : values.plan),
    },
  ) as CtyObject;
}

/**
 * One error per write-only attribute the config sets (unknown counts as set) when the client did not announce
 * `write_only_attributes_allowed`: such a CLI would store the value in plan and state.
 */
export function writeOnlyNotAllowed(what: string, definition: BlockDefinition, config: CtyValue): Diagnostic[] {
  if (!hasWriteOnly(definition)) {
    return [];
  }
  const diagnostics: Diagnostic[] = [];
  walkSchema(
    definition,
    { config, plan: config, state: null },
    {
      attribute: ({ attribute, path, values }) => {
        if (attribute.writeOnly && values.config !== null) {
          diagnostics.push(
            errorDiagnostic(
              "Write-only attribute not supported by this CLI",
              `${what}: ${formatPath(path)} is a write-only attribute, which keeps its value out of plan and state. ` +
                "Only Terraform 1.11 and later and OpenTofu 1.11 and later support write-only attributes; this CLI " +
                `would store the value. Upgrade the CLI, or leave ${formatPath(path)} unset.`,
              path,
            ),
          );
        }
        return values.plan;
      },
    },
  );
  return diagnostics;
}
