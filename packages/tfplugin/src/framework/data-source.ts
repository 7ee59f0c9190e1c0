import type { CtyObject } from "../protocol/cty/value.js";
import type { Diagnostics } from "./diagnostics.js";
import type { Model, Planned, ResourceSchema } from "./schema.js";

export interface DataSourceReadRequest<M, C> {
  readonly client: C;
  readonly config: M;
}
export interface DataSourceReadResponse<M> {
  /** Starts as the config; fill in the computed attributes. Must end wholly known. */
  state: Planned<M>;
  readonly diagnostics: Diagnostics;
}

export interface DataSourceDefinition<S extends ResourceSchema, C = unknown, M = Model<S>> {
  readonly typeName: string;
  readonly schema: S;
  readonly validate?: (
    req: { readonly config: Planned<M> },
    resp: { readonly diagnostics: Diagnostics },
  ) => void | Promise<void>;
  readonly read: (req: DataSourceReadRequest<M, C>, resp: DataSourceReadResponse<M>) => void | Promise<void>;
}

/** A data source with its model type erased. */
export type DataSource<C = unknown> = DataSourceDefinition<ResourceSchema, C, CtyObject>;

export function defineDataSource<S extends ResourceSchema, C = unknown>(
  definition: DataSourceDefinition<S, C>,
): DataSource<C> {
  return definition as unknown as DataSource<C>;
}
