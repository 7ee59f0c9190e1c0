import type { CtyType } from "../protocol/cty/type.js";
import { Unknown } from "../protocol/cty/unknown.js";
import { type CtyObject, type CtyValue, isCtyObject, valuesEqual } from "../protocol/cty/value.js";
import type { AttributePath } from "../protocol/diagnostics.js";
import type { Attribute, Attributes, Block, BlockDefinition, NestingMode } from "./schema.js";
import { attributeCtyType } from "./schema-to-protocol.js";

/** The same position in the three documents a plan step looks at. */
export interface WalkValues {
  readonly config: CtyValue;
  readonly plan: CtyValue;
  readonly state: CtyValue;
}

export interface AttributeVisit {
  readonly name: string;
  readonly attribute: Attribute;
  readonly type: CtyType;
  readonly path: AttributePath;
  readonly values: WalkValues;
}

export interface SchemaVisitor {
  /** Returns the new planned value for the attribute (return `visit.values.plan` to keep it). */
  attribute?(visit: AttributeVisit): CtyValue;
  block?(block: Block, path: AttributePath, values: WalkValues): void;
}

/**
 * Walks a schema alongside config, plan and state, parents before children, and rebuilds the plan from the
 * visitor's answers. Set elements have no protocol path: their children are reported at the set's path, and the
 * matching config/state element is found by comparing non-computed attributes.
 */
export function walkSchema(
  definition: BlockDefinition,
  values: WalkValues,
  visitor: SchemaVisitor,
  path: AttributePath = [],
): CtyValue {
  const plan = values.plan;
  if (!isCtyObject(plan)) {
    return plan;
  }
  const result: CtyObject = { ...plan };
  for (const [name, attribute] of Object.entries(definition.attributes)) {
    const at = [...path, name];
    const child = childValues(values, name);
    const type = attributeCtyType(name, attribute);
    let planned = visitor.attribute
      ? visitor.attribute({ name, attribute, type, path: at, values: child })
      : child.plan;
    if (attribute.nested) {
      const nested = { attributes: attribute.nested.attributes };
      planned = walkNested(nested, attribute.nested.nesting, { ...child, plan: planned }, visitor, at);
    }
    result[name] = planned;
  }
  for (const [name, block] of Object.entries(definition.blocks ?? {})) {
    const at = [...path, name];
    const child = childValues(values, name);
    visitor.block?.(block, at, child);
    result[name] = walkNested(block, block.nesting, child, visitor, at);
  }
  return result;
}

function walkNested(
  definition: BlockDefinition,
  nesting: NestingMode,
  values: WalkValues,
  visitor: SchemaVisitor,
  path: AttributePath,
): CtyValue {
  const { config, plan, state } = values;
  if (nesting === "single") {
    return walkSchema(definition, values, visitor, path);
  }
  if (nesting === "map") {
    if (!isCtyObject(plan)) {
      return plan;
    }
    return Object.fromEntries(
      Object.entries(plan).map(([key, element]) => [
        key,
        walkSchema(
          definition,
          { config: childValue(config, key), plan: element, state: childValue(state, key) },
          visitor,
          [...path, { key }],
        ),
      ]),
    );
  }
  if (!Array.isArray(plan)) {
    return plan;
  }
  return plan.map((element, index) => {
    const elementValues: WalkValues =
      nesting === "list"
        ? { config: childValue(config, index), plan: element, state: childValue(state, index) }
        : {
            config: correlate(definition.attributes, element, config),
            plan: element,
            state: correlate(definition.attributes, element, state),
          };
    return walkSchema(definition, elementValues, visitor, nesting === "list" ? [...path, index] : path);
  });
}

function childValues(values: WalkValues, name: string): WalkValues {
  return {
    config: childValue(values.config, name),
    plan: childValue(values.plan, name),
    state: childValue(values.state, name),
  };
}

function childValue(parent: CtyValue, key: string | number): CtyValue {
  if (parent === Unknown) {
    return Unknown;
  }
  if (typeof key === "number") {
    return Array.isArray(parent) ? (parent[key] ?? null) : null;
  }
  return isCtyObject(parent) ? (parent[key] ?? null) : null;
}

/** The element of `candidates` whose non-computed attributes equal those of `element` (sets have no keys). */
function correlate(attributes: Attributes, element: CtyValue, candidates: CtyValue): CtyValue {
  if (!Array.isArray(candidates) || !isCtyObject(element)) {
    return candidates === Unknown ? Unknown : null;
  }
  const keys = Object.entries(attributes).filter(([, attribute]) => !attribute.computed);
  return (
    candidates.find(
      (candidate) =>
        isCtyObject(candidate) &&
        keys.every(([name, attribute]) =>
          valuesEqual(attributeCtyType(name, attribute), candidate[name] ?? null, element[name] ?? null),
        ),
    ) ?? null
  );
}
