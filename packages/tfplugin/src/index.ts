// Protocol: values, types, diagnostics.

export { type DataSource, type DataSourceDefinition, defineDataSource } from "./framework/data-source.js";
export { Diagnostics } from "./framework/diagnostics.js";
export {
  defineEphemeralResource,
  type EphemeralCloseRequest,
  type EphemeralOpenRequest,
  type EphemeralOpenResponse,
  type EphemeralRenewRequest,
  type EphemeralRenewResponse,
  type EphemeralResource,
  type EphemeralResourceDefinition,
} from "./framework/ephemeral-resource.js";
export type { PlanModifier, PlanModifierRequest, PlanModifierResponse } from "./framework/plan-modifier.js";
export { requiresReplace } from "./framework/plan-modifiers/requires-replace.js";
export { requiresReplaceIf } from "./framework/plan-modifiers/requires-replace-if.js";
export { useStateForUnknown } from "./framework/plan-modifiers/use-state-for-unknown.js";
export { defineProvider, type Provider, type ProviderDefinition } from "./framework/provider.js";
export type * from "./framework/resource.js";
export { defineResource } from "./framework/resource.js";
// Framework.
export {
  type Attribute,
  type AttributeOptions,
  attr,
  type Block,
  type BlockDefinition,
  block,
  type MaybeUnknown,
  type Model,
  type Planned,
  type ResourceSchema,
  types,
  type ValueType,
} from "./framework/schema.js";
export { providerSchemaJson, type ServeOptions, serve } from "./framework/serve.js";
export type { AttributeValidator } from "./framework/validators.js";
export { decodeJson } from "./protocol/cty/json.js";
export { decodeMsgpack, encodeMsgpack } from "./protocol/cty/msgpack.js";
export { Decimal, type NumberValue } from "./protocol/cty/number.js";
export { type CtyType, cty, typeFromJson, typeToJson } from "./protocol/cty/type.js";
export { isUnknown, Unknown } from "./protocol/cty/unknown.js";
export { type CtyObject, type CtyValue, Dynamic, valuesEqual } from "./protocol/cty/value.js";
export {
  type AttributePath,
  type Diagnostic,
  errorDiagnostic,
  formatPath,
  hasErrors,
  type PathStep,
  type Severity,
  warningDiagnostic,
} from "./protocol/diagnostics.js";
// For clients that start a plugin as Terraform does (tests, benchmarks, packaging): the go-plugin magic cookie and
// a client certificate for AutoMTLS.
export { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "./protocol/handshake.js";
export { createSelfSignedCert, type SelfSignedCert } from "./protocol/internal/self-signed-cert.js";
export type { ProvidersSchemaJson } from "./protocol/schema-json.js";
export type { RunningPlugin } from "./protocol/serve-plugin.js";
