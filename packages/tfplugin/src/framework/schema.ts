import type { NumberValue } from "../protocol/cty/number.js";
import { type CtyType, cty } from "../protocol/cty/type.js";
import type { Unknown } from "../protocol/cty/unknown.js";
import type { CtyValue } from "../protocol/cty/value.js";
import type { PlanModifier } from "./plan-modifier.js";
import type { AttributeValidator } from "./validators.js";

/** A value type for collection elements; `__value` only carries the TS type. */
export interface ValueType<T> {
  readonly cty: CtyType;
  readonly __value?: T;
}

const valueType = <T>(type: CtyType): ValueType<T> => ({ cty: type });

export const types = {
  string: valueType<string>(cty.string),
  number: valueType<NumberValue>(cty.number),
  bool: valueType<boolean>(cty.bool),
  dynamic: valueType<CtyValue>(cty.dynamic),
  list: <T>(element: ValueType<T>) => valueType<T[]>(cty.list(element.cty)),
  set: <T>(element: ValueType<T>) => valueType<T[]>(cty.set(element.cty)),
  map: <T>(element: ValueType<T>) => valueType<Record<string, T>>(cty.map(element.cty)),
  object: <A extends Record<string, ValueType<unknown>>>(attributes: A) =>
    valueType<{ [K in keyof A]: ValueOf<A[K]> | null }>(
      cty.object(Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, v.cty]))),
    ),
};
type ValueOf<V> = V extends ValueType<infer T> ? T : never;

export interface AttributeOptions<T> {
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /**
   * Managed resources only (Terraform ≥ 1.11, OpenTofu ≥ 1.11): the value is in the config handed to `create`
   * and `update`, and null in every plan and state. Pair it with a version attribute whose change triggers the
   * update; older CLIs get a validation error when the config sets it. Not with `computed`, nor inside a set.
   */
  readonly writeOnly?: boolean;
  readonly deprecated?: boolean;
  readonly description?: string;
  /** Takes precedence over `description` and is marked as markdown in the schema. */
  readonly markdownDescription?: string;
  /** Planned when the configuration leaves the attribute null; requires `computed`. */
  readonly default?: T;
  readonly validators?: readonly AttributeValidator[];
  readonly planModifiers?: readonly PlanModifier[];
}

export type NestingMode = "single" | "list" | "set" | "map";

export interface Attribute<T = unknown, Required extends boolean = boolean> extends AttributeOptions<T> {
  /** Set for primitive and collection attributes. */
  readonly type?: CtyType;
  /** Set for nested attributes. */
  readonly nested?: { readonly nesting: NestingMode; readonly attributes: Attributes };
  readonly __value?: T;
  readonly __required?: Required;
}

export type Attributes = Readonly<Record<string, Attribute>>;

export interface Block<T = unknown, Nesting extends Exclude<NestingMode, "map"> = Exclude<NestingMode, "map">>
  extends BlockDefinition {
  readonly nesting: Nesting;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly __value?: T;
}

export interface BlockDefinition {
  readonly attributes: Attributes;
  readonly blocks?: Readonly<Record<string, Block>>;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly deprecated?: boolean;
}

export interface ResourceSchema extends BlockDefinition {
  /** Persisted in state; raising it makes core call `upgradeState` with older states. */
  readonly version?: number;
}

/** Write-only values are null everywhere but the config, so their model type is nullable even when required. */
type IsRequired<O> = O extends { readonly writeOnly: true }
  ? false
  : O extends { readonly required: true }
    ? true
    : false;

const primitive =
  <T>(type: CtyType) =>
  <const O extends AttributeOptions<T>>(options: O): Attribute<T, IsRequired<O>> => ({ ...options, type });
const collection =
  (kind: (t: CtyType) => CtyType) =>
  <E, const O extends AttributeOptions<E[]>>(element: ValueType<E>, options: O): Attribute<E[], IsRequired<O>> => ({
    ...options,
    type: kind(element.cty),
  });
const nested =
  <N extends NestingMode>(nesting: N) =>
  <A extends Attributes, const O extends AttributeOptions<NestedValue<Model<{ attributes: A }>, N>>>(
    attributes: A,
    options: O,
  ): Attribute<NestedValue<Model<{ attributes: A }>, N>, IsRequired<O>> => ({
    ...options,
    nested: { nesting, attributes },
  });
type NestedValue<M, N extends NestingMode> = N extends "single" ? M : N extends "map" ? Record<string, M> : M[];

/** Attribute builders: `attr.string({ required: true })`, `attr.set(types.string, { optional: true })`, ... */
export const attr = {
  string: primitive<string>(cty.string),
  number: primitive<NumberValue>(cty.number),
  bool: primitive<boolean>(cty.bool),
  dynamic: primitive<CtyValue>(cty.dynamic),
  list: collection(cty.list),
  set: collection(cty.set),
  map: <E, const O extends AttributeOptions<Record<string, E>>>(
    element: ValueType<E>,
    options: O,
  ): Attribute<Record<string, E>, IsRequired<O>> => ({ ...options, type: cty.map(element.cty) }),
  singleNested: nested("single"),
  listNested: nested("list"),
  setNested: nested("set"),
  mapNested: nested("map"),
};

interface BlockOptions {
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly deprecated?: boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
}

const nestedBlock =
  <N extends Exclude<NestingMode, "map">>(nesting: N) =>
  <D extends BlockDefinition>(definition: D, options: BlockOptions = {}): Block<Model<D>, N> => ({
    ...definition,
    ...options,
    nesting,
  });

/** Nested block builders. A single block is null when absent; list and set blocks are empty arrays. */
export const block = {
  single: nestedBlock("single"),
  list: nestedBlock("list"),
  set: nestedBlock("set"),
};

type AttributeValue<A> = A extends Attribute<infer T, infer Required> ? (Required extends true ? T : T | null) : never;
type BlockValue<B> = B extends Block<infer T, infer N> ? (N extends "single" ? T | null : T[]) : never;
type Simplify<T> = { -readonly [K in keyof T]: T[K] } & {};

/** The plain JS object for a schema: attributes by name (null when unset) plus nested blocks. */
export type Model<S extends BlockDefinition> = Simplify<
  { [K in keyof S["attributes"]]: AttributeValue<S["attributes"][K]> } & {
    [K in keyof NonNullable<S["blocks"]>]: BlockValue<NonNullable<S["blocks"]>[K]>;
  }
>;

/** A value that may still be unknown anywhere inside (configurations at validate time, plans). */
export type MaybeUnknown<T> = T extends Unknown
  ? T
  : T extends readonly (infer E)[]
    ? MaybeUnknown<E>[] | Unknown
    : T extends Record<string, unknown>
      ? { [K in keyof T]: MaybeUnknown<T[K]> } | Unknown
      : T | Unknown;

/** A model whose attributes may be unknown (the object itself is known). */
export type Planned<M> = { [K in keyof M]: MaybeUnknown<M[K]> };
