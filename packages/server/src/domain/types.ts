// Domain records, derived from the contract's generated types so that no shape is written twice.
import type { components } from "@keyward/contract";

type Schemas = components["schemas"];

export type ProblemCode = Schemas["ProblemCode"];
export type FieldError = Schemas["FieldError"];
export type ResourceName = Schemas["ResourceName"];
export type Action = Schemas["Action"];
export type PermissionGrant = Schemas["PermissionGrant"];
export type PermissionCatalog = Schemas["PermissionCatalog"];
export type ApiKeyStatus = Schemas["ApiKeyStatus"];
export type AuditAction = Schemas["AuditAction"];
export type AuditEvent = Schemas["AuditEvent"];
export type VerifyReason = Schemas["VerifyResult"]["reason"];

export type UserRecord = Schemas["User"];
export type RoleRecord = Schemas["Role"];
export type SettingsRecord = Schemas["Settings"];
export type ApiKey = Schemas["ApiKey"];

/** A key as stored: the public fields except the derived `status`, plus hashes (never the token). */
export interface KeyRecord extends Omit<ApiKey, "status" | "last_used_at"> {
  token_hash: string;
  /** The rotated-out token's hash while its grace period lasts. */
  previous_token_hash: string | null;
  previous_token_expires_at: string | null;
  /** Start of the inactivity clock: creation, re-enabling or rotation, whichever came last. */
  inactivity_since: string;
}

export type ManagementScope = Schemas["ManagementScope"];
export type ManagementToken = Schemas["ManagementToken"];

/** A management token as stored: the public fields except the derived ones, plus hashes (never the token). */
export interface ManagementTokenRecord extends Omit<ManagementToken, "status" | "last_used_at"> {
  token_hash: string;
  previous_token_hash: string | null;
  previous_token_expires_at: string | null;
}

/** A business-API object (event, person, …): an id plus the resource's fields. */
export type BusinessRecord = { id: string } & Record<string, unknown>;

export type Clock = () => Date;

/** Who performs a management change, for the audit log. */
export interface Actor {
  type: "admin" | "key" | "system" | "anonymous";
  id: string | null;
  /** For an admin: the management token the change is made with. */
  token_id?: string | null;
}
