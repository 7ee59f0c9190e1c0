// @keyward/cdktn: the Keyward provider's CDK Terrain bindings, generated from its schema by @cdktn/provider-generator
// (src/generated, `npm run generate`), which, unlike @cdktf/provider-generator 0.21, knows ephemeral resources
// (EphemeralKeywardToken) and write-only attributes (ApiKey tokenWo); plus the secret-free IntegrationAccess.

export type { IntegrationAccessOptions, PermissionGrant } from "@keyward/access-plan";
export { ApiKey, type ApiKeyConfig, type ApiKeyPermissions } from "./generated/api-key/index";
export { EphemeralKeywardToken, type EphemeralKeywardTokenConfig } from "./generated/ephemeral-keyward-token/index";
export * from "./generated/index";
export { IntegrationUser, type IntegrationUserConfig } from "./generated/integration-user/index";
export { ManagementToken, type ManagementTokenConfig } from "./generated/management-token/index";
export { KeywardProvider, type KeywardProviderConfig } from "./generated/provider/index";
export { Role, type RoleConfig, type RolePermissions } from "./generated/role/index";
export { Settings, type SettingsConfig, type SettingsFeatures } from "./generated/settings/index";
export { IntegrationAccess, type IntegrationAccessProps } from "./integration-access";
