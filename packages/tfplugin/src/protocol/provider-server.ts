import type { CtyObject, CtyValue } from "./cty/value.js";
import type { AttributePath, Diagnostic } from "./diagnostics.js";
import type { ProviderSchemas } from "./schema.js";

/**
 * What a provider implements at the protocol level: tfplugin6 RPCs with values already decoded by the schema.
 * The gRPC layer converts requests, calls this, and converts responses (it never sees the framework).
 */
export interface ProviderServer {
  readonly schemas: ProviderSchemas;
  validateProviderConfig(req: { config: CtyValue }): Promise<Diagnostic[]>;
  validateResourceConfig(req: ValidateResourceConfigRequest): Promise<Diagnostic[]>;
  validateDataResourceConfig(req: { typeName: string; config: CtyValue }): Promise<Diagnostic[]>;
  upgradeResourceState(req: UpgradeResourceStateRequest): Promise<StateResponse>;
  configureProvider(req: { terraformVersion: string; config: CtyValue }): Promise<Diagnostic[]>;
  readResource(req: ReadResourceRequest): Promise<StateResponse>;
  planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse>;
  applyResourceChange(req: ApplyResourceChangeRequest): Promise<StateResponse>;
  importResourceState(req: { typeName: string; id: string }): Promise<ImportResourceStateResponse>;
  readDataSource(req: { typeName: string; config: CtyValue }): Promise<StateResponse>;
  validateEphemeralResourceConfig(req: { typeName: string; config: CtyValue }): Promise<Diagnostic[]>;
  /** Called in every plan and apply with a wholly known config; the result is never stored by core. */
  openEphemeralResource(req: { typeName: string; config: CtyValue }): Promise<OpenEphemeralResourceResponse>;
  /** Called once `renewAt` has passed, while the run still uses the result. */
  renewEphemeralResource(req: { typeName: string; private: PrivateState }): Promise<RenewEphemeralResourceResponse>;
  /** Called at the end of the walk; core sends only the private state from open or the last renew. */
  closeEphemeralResource(req: { typeName: string; private: PrivateState }): Promise<Diagnostic[]>;
  /** Cancels in-flight work; returns an error text or undefined. */
  stopProvider(): Promise<string | undefined>;
}

export type PrivateState = Uint8Array | undefined;

/** What the client announced it can handle (`tfplugin6.ClientCapabilities`); older cores send nothing. */
export interface ClientCapabilities {
  /** Terraform ≥ 1.11 and OpenTofu ≥ 1.11 keep write-only attribute values out of plan and state. */
  readonly writeOnlyAttributesAllowed: boolean;
}

export interface ValidateResourceConfigRequest {
  readonly typeName: string;
  readonly config: CtyValue;
  readonly clientCapabilities: ClientCapabilities;
}

export interface UpgradeResourceStateRequest {
  readonly typeName: string;
  readonly version: number;
  /** `RawState.json`: the state attributes as written by schema `version`. */
  readonly rawStateJson: string | undefined;
}

export interface ReadResourceRequest {
  readonly typeName: string;
  readonly currentState: CtyValue;
  readonly private: PrivateState;
}

export interface PlanResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: CtyValue;
  readonly proposedNewState: CtyValue;
  readonly config: CtyValue;
  readonly priorPrivate: PrivateState;
}

export interface ApplyResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: CtyValue;
  readonly plannedState: CtyValue;
  readonly config: CtyValue;
  readonly plannedPrivate: PrivateState;
}

export interface StateResponse {
  readonly state: CtyValue;
  readonly private?: PrivateState;
  readonly diagnostics: Diagnostic[];
}

export interface PlanResourceChangeResponse {
  readonly plannedState: CtyValue;
  readonly requiresReplace: AttributePath[];
  readonly plannedPrivate?: PrivateState;
  readonly diagnostics: Diagnostic[];
}

export interface ImportResourceStateResponse {
  readonly importedResources: { typeName: string; state: CtyObject; private?: PrivateState }[];
  readonly diagnostics: Diagnostic[];
}

export interface OpenEphemeralResourceResponse {
  readonly result: CtyValue;
  readonly private?: PrivateState;
  /** When core should call renew (omitted: never). */
  readonly renewAt?: Date;
  readonly diagnostics: Diagnostic[];
}

export interface RenewEphemeralResourceResponse {
  readonly private?: PrivateState;
  readonly renewAt?: Date;
  readonly diagnostics: Diagnostic[];
}
