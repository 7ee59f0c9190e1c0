// @keyward/cdktf: the Keyward provider's CDKTF bindings, generated from its schema by @cdktf/provider-generator
// (src/generated, `npm run generate`), exported like the prebuilt @cdktf/provider-* packages, plus IntegrationAccess.

export type { IntegrationAccessOptions, PermissionGrant } from "@keyward/access-plan";
export { permissionCatalog } from "@keyward/contract";
export { ApiKey, type ApiKeyConfig, type ApiKeyPermissions } from "./generated/api-key/index";
export {
  DataKeywardIntegrationUser,
  type DataKeywardIntegrationUserConfig,
} from "./generated/data-keyward-integration-user/index";
export { DataKeywardPermissions, type DataKeywardPermissionsConfig } from "./generated/data-keyward-permissions/index";
export { DataKeywardRole, type DataKeywardRoleConfig } from "./generated/data-keyward-role/index";
export * from "./generated/index";
export { IntegrationUser, type IntegrationUserConfig } from "./generated/integration-user/index";
export { ManagementToken, type ManagementTokenConfig } from "./generated/management-token/index";
export { KeywardProvider, type KeywardProviderConfig } from "./generated/provider/index";
export { Role, type RoleConfig, type RolePermissions } from "./generated/role/index";
export { Settings, type SettingsConfig, type SettingsFeatures } from "./generated/settings/index";
export { IntegrationAccess, type IntegrationAccessProps } from "./integration-access";
