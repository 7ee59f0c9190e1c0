import type { CtyObject } from "../protocol/cty/value.js";
import type { Diagnostics } from "./diagnostics.js";
import type { PrivateState } from "./resource.js";
import type { BlockDefinition, Model, Planned } from "./schema.js";

interface Response {
  readonly diagnostics: Diagnostics;
}

export interface EphemeralOpenRequest<M, C> {
  readonly client: C;
  /** Defaults applied. Always wholly known: core does not open an ephemeral resource whose config is still unknown. */
  readonly config: M;
}
export interface EphemeralOpenResponse<M> extends Response {
  /** Starts as `config`: fill in the computed attributes. Must end wholly known. */
  result: Planned<M>;
  /** Handed back to renew and close, which get nothing else: keep here what close must release. */
  private: PrivateState;
  /** Asks core to call renew at this time while the run still uses the result (e.g. before a lease ends). */
  renewAt: Date | undefined;
}

export interface EphemeralRenewRequest<C> {
  readonly client: C;
  readonly private: PrivateState;
}
export interface EphemeralRenewResponse extends Response {
  /** Starts as the request's private state. */
  private: PrivateState;
  /** Starts undefined (no further renew). */
  renewAt: Date | undefined;
}

export interface EphemeralCloseRequest<C> {
  readonly client: C;
  readonly private: PrivateState;
}

type Handler<Req, Res> = (req: Req, resp: Res) => void | Promise<void>;

/**
 * A value that exists only while a plan or apply runs (Terraform ≥ 1.10, OpenTofu ≥ 1.11): core opens it in
 * every plan and every apply, never stores the result, and closes it at the end of the run.
 */
export interface EphemeralResourceDefinition<S extends BlockDefinition, C = unknown, M = Model<S>> {
  readonly typeName: string;
  readonly schema: S;
  readonly validate?: Handler<{ readonly config: Planned<M> }, Response>;
  readonly open: Handler<EphemeralOpenRequest<M, C>, EphemeralOpenResponse<M>>;
  /** Required when open sets `renewAt`. */
  readonly renew?: Handler<EphemeralRenewRequest<C>, EphemeralRenewResponse>;
  readonly close?: Handler<EphemeralCloseRequest<C>, Response>;
}

/** An ephemeral resource with its model type erased. */
export type EphemeralResource<C = unknown> = EphemeralResourceDefinition<BlockDefinition, C, CtyObject>;

export function defineEphemeralResource<S extends BlockDefinition, C = unknown>(
  definition: EphemeralResourceDefinition<S, C>,
): EphemeralResource<C> {
  return definition as unknown as EphemeralResource<C>;
}
