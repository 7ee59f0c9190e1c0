// The keyward provider: its configuration becomes one SDK client; resources, data sources and ephemeral resources
// are listed here.
import { defineProvider } from "@keyward/tfplugin";
import { configureClient, type ProviderClient } from "./client.js";
import { integrationUserDataSource } from "./data-sources/integration-user.js";
import { permissionsDataSource } from "./data-sources/permissions.js";
import { roleDataSource } from "./data-sources/role.js";
import { tokenEphemeralResource } from "./ephemeral-resources/token.js";
import { providerSchema } from "./generated/schemas.js";
import { apiKeyResource } from "./resources/api-key.js";
import { integrationUserResource } from "./resources/integration-user.js";
import { managementTokenResource } from "./resources/management-token.js";
import { roleResource } from "./resources/role.js";
import { settingsResource } from "./resources/settings.js";

export { providerAddress } from "./generated/schemas.js";

export const keywardProvider = defineProvider<typeof providerSchema, ProviderClient>({
  schema: providerSchema,
  configure: ({ config }, { diagnostics }) => configureClient(config, diagnostics),
  resources: [roleResource, integrationUserResource, apiKeyResource, managementTokenResource, settingsResource],
  dataSources: [permissionsDataSource, roleDataSource, integrationUserDataSource],
  ephemeralResources: [tokenEphemeralResource],
});
