// Friendly names for the contract's component schemas. Every alias points into the generated
// `components["schemas"]`, so openapi.yaml stays the only place a shape is written;
// test/schema-aliases.test.ts fails when the contract gains a schema that has no alias here.
import type { components } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";

type Schemas = components["schemas"];

// Errors
export type Problem = Schemas["Problem"];
export type ProblemCode = Schemas["ProblemCode"];
export type FieldError = Schemas["FieldError"];

// Shared values
export type Timestamp = Schemas["Timestamp"];
export type UserIdValue = Schemas["UserIdValue"];
export type RoleIdValue = Schemas["RoleIdValue"];
export type KeyIdValue = Schemas["KeyIdValue"];
export type RecordIdValue = Schemas["RecordIdValue"];
export type NextCursor = Schemas["NextCursor"];
export type Health = Schemas["Health"];

// Users
export type UserKind = Schemas["UserKind"];
export type User = Schemas["User"];
export type UserCreate = Schemas["UserCreate"];
export type UserUpdate = Schemas["UserUpdate"];
export type UserDeleted = Schemas["UserDeleted"];
export type UserPage = Schemas["UserPage"];

// Permissions and roles
export type ResourceName = Schemas["ResourceName"];
export type Action = Schemas["Action"];
export type PermissionGrant = Schemas["PermissionGrant"];
export type PermissionList = Schemas["PermissionList"];
export type PresetName = Schemas["PresetName"];
export type PermissionCatalog = Schemas["PermissionCatalog"];
export type CatalogResource = Schemas["CatalogResource"];
export type CatalogPreset = Schemas["CatalogPreset"];
export type Role = Schemas["Role"];
export type RoleCreate = Schemas["RoleCreate"];
export type RoleUpdate = Schemas["RoleUpdate"];
export type RolePage = Schemas["RolePage"];

// API keys
export type ApiKeyStatus = Schemas["ApiKeyStatus"];
export type ApiKey = Schemas["ApiKey"];
export type ApiKeyFields = Schemas["ApiKeyFields"];
export type ApiKeyWithToken = Schemas["ApiKeyWithToken"];
export type ApiKeyCreate = Schemas["ApiKeyCreate"];
export type ApiKeyUpdate = Schemas["ApiKeyUpdate"];
export type AllowedIps = Schemas["AllowedIps"];
export type ApiKeyPage = Schemas["ApiKeyPage"];
export type RotateRequest = Schemas["RotateRequest"];
export type SuppliedToken = Schemas["SuppliedToken"];
export type RevokeAllRequest = Schemas["RevokeAllRequest"];
export type RevokeAllResult = Schemas["RevokeAllResult"];

// Settings and audit
export type Settings = Schemas["Settings"];
export type Features = Schemas["Features"];
export type SettingsUpdate = Schemas["SettingsUpdate"];
export type AuditAction = Schemas["AuditAction"];
export type AuditEvent = Schemas["AuditEvent"];
export type AuditEventPage = Schemas["AuditEventPage"];

// Introspection
export type Me = Schemas["Me"];
export type VerifyRequest = Schemas["VerifyRequest"];
export type VerifyResult = Schemas["VerifyResult"];

// Business API. `Event` and `Document` shadow the DOM globals of the same name in files that
// import them; import them renamed (`type Event as KeywardEvent`) where that matters.
export type Event = Schemas["Event"];
export type EventInput = Schemas["EventInput"];
export type EventPatch = Schemas["EventPatch"];
export type EventPage = Schemas["EventPage"];
export type Session = Schemas["Session"];
export type SessionInput = Schemas["SessionInput"];
export type SessionPatch = Schemas["SessionPatch"];
export type SessionPage = Schemas["SessionPage"];
export type Attendee = Schemas["Attendee"];
export type AttendeeInput = Schemas["AttendeeInput"];
export type AttendeePatch = Schemas["AttendeePatch"];
export type AttendeePage = Schemas["AttendeePage"];
export type Person = Schemas["Person"];
export type PersonInput = Schemas["PersonInput"];
export type PersonPatch = Schemas["PersonPatch"];
export type PersonPage = Schemas["PersonPage"];
export type Invoice = Schemas["Invoice"];
export type InvoiceInput = Schemas["InvoiceInput"];
export type InvoicePatch = Schemas["InvoicePatch"];
export type InvoicePage = Schemas["InvoicePage"];
export type Document = Schemas["Document"];
export type DocumentPage = Schemas["DocumentPage"];
