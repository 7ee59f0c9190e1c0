import type { DataSource } from "./data-source.js";
import type { Diagnostics } from "./diagnostics.js";
import type { EphemeralResource } from "./ephemeral-resource.js";
import type { Resource } from "./resource.js";
import type { Model, Planned, ResourceSchema } from "./schema.js";

export interface ProviderConfigureRequest<M> {
  /** May hold unknowns when the provider block references resources not created yet. */
  readonly config: Planned<M>;
  /** The core's version (OpenTofu reports its own). */
  readonly terraformVersion: string;
}

export interface ProviderDefinition<S extends ResourceSchema, C> {
  readonly schema: S;
  readonly validate?: (
    req: { readonly config: Planned<Model<S>> },
    resp: { readonly diagnostics: Diagnostics },
  ) => void | Promise<void>;
  /** Builds the client handed to every resource, data source and ephemeral resource as `req.client`. */
  readonly configure: (
    req: ProviderConfigureRequest<Model<S>>,
    resp: { readonly diagnostics: Diagnostics },
  ) => C | Promise<C>;
  readonly resources: readonly Resource<C>[];
  readonly dataSources?: readonly DataSource<C>[];
  readonly ephemeralResources?: readonly EphemeralResource<C>[];
}

/** A provider with its config model erased, as `serve` holds it. */
export type Provider<C = unknown> = ProviderDefinition<ResourceSchema, C>;

export function defineProvider<S extends ResourceSchema, C>(definition: ProviderDefinition<S, C>): Provider<C> {
  return definition as unknown as Provider<C>;
}
