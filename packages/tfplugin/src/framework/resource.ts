import type { CtyObject } from "../protocol/cty/value.js";
import type { AttributePath } from "../protocol/diagnostics.js";
import type { PrivateState } from "../protocol/provider-server.js";
import type { Diagnostics } from "./diagnostics.js";
import type { Model, Planned, ResourceSchema } from "./schema.js";

/** Opaque bytes stored in state next to the resource (e.g. an ETag); passed through plan, apply and read. */
export type { PrivateState };

interface Response {
  readonly diagnostics: Diagnostics;
}

export interface ValidateRequest<M> {
  /** Values may be unknown: validate runs before other resources' values are known. */
  readonly config: Planned<M>;
}

export interface CreateRequest<M, C> {
  readonly client: C;
  readonly config: M;
  readonly plan: Planned<M>;
}
export interface CreateResponse<M> extends Response {
  /** Starts as the plan: replace the unknowns (computed attributes) with real values. */
  state: Planned<M> | null;
  private: PrivateState;
}

export interface ReadRequest<M, C> {
  readonly client: C;
  readonly state: M;
  readonly private: PrivateState;
}
export interface ReadResponse<M> extends Response {
  /** Starts as the prior state; set to null when the remote object is gone (core then plans to create it). */
  state: M | null;
  private: PrivateState;
}

export interface UpdateRequest<M, C> {
  readonly client: C;
  readonly config: M;
  readonly plan: Planned<M>;
  readonly state: M;
  readonly private: PrivateState;
}
export interface UpdateResponse<M> extends Response {
  /** Starts as the plan. */
  state: Planned<M>;
  private: PrivateState;
}

export interface DeleteRequest<M, C> {
  readonly client: C;
  readonly state: M;
  readonly private: PrivateState;
}

export interface ImportStateRequest<C> {
  readonly client: C;
  readonly id: string;
}
export interface ImportStateResponse<M> extends Response {
  /** Starts with every attribute null; set what identifies the object. Core then calls `read`. */
  state: M;
}

export interface UpgradeStateRequest {
  /** The schema version that wrote the state. */
  readonly version: number;
  /** The stored attributes as parsed JSON (numbers beyond 2^53 lose precision here). */
  readonly rawState: Record<string, unknown>;
}
export interface UpgradeStateResponse<M> extends Response {
  state: M | null;
}

export interface ModifyPlanRequest<M, C> {
  readonly client: C | undefined;
  readonly config: Planned<M> | null;
  /** Null on destroy. */
  readonly plan: Planned<M> | null;
  /** Null on create. */
  readonly state: M | null;
}
export interface ModifyPlanResponse<M> extends Response {
  plan: Planned<M> | null;
  readonly requiresReplace: AttributePath[];
}

type Handler<Req, Res> = (req: Req, resp: Res) => void | Promise<void>;

export interface ResourceDefinition<S extends ResourceSchema, C = unknown, M = Model<S>> {
  /** `<provider type>_<name>`; core infers the provider from the prefix. */
  readonly typeName: string;
  readonly schema: S;
  readonly validate?: Handler<ValidateRequest<M>, Response>;
  readonly create: Handler<CreateRequest<M, C>, CreateResponse<M>>;
  readonly read: Handler<ReadRequest<M, C>, ReadResponse<M>>;
  /** Leave out for replace-only resources (every configurable attribute should then use `requiresReplace`). */
  readonly update?: Handler<UpdateRequest<M, C>, UpdateResponse<M>>;
  readonly delete: Handler<DeleteRequest<M, C>, Response>;
  readonly importState?: Handler<ImportStateRequest<C>, ImportStateResponse<M>>;
  /** Called when the stored state was written by an older `schema.version`. */
  readonly upgradeState?: Handler<UpgradeStateRequest, UpgradeStateResponse<M>>;
  readonly modifyPlan?: Handler<ModifyPlanRequest<M, C>, ModifyPlanResponse<M>>;
}

/** A resource with its model type erased, as the provider and the plan engine hold it. */
export type Resource<C = unknown> = ResourceDefinition<ResourceSchema, C, CtyObject>;

export function defineResource<S extends ResourceSchema, C = unknown>(
  definition: ResourceDefinition<S, C>,
): Resource<C> {
  return definition as unknown as Resource<C>;
}
