// The package exports the generated bindings like @cdktf/provider-* (their generation is tested in packages/codegen).
import { describe, expect, it } from "vitest";
import * as keyward from "../src/index.js";

describe("generated CDKTF bindings", () => {
  it("are exported as classes and as the generator's namespaces, like the prebuilt provider packages", () => {
    expect(keyward.provider.KeywardProvider).toBe(keyward.KeywardProvider);
    expect(keyward.apiKey.ApiKey).toBe(keyward.ApiKey);
    expect(keyward.role.Role).toBe(keyward.Role);
    expect(keyward.integrationUser.IntegrationUser).toBe(keyward.IntegrationUser);
    expect(keyward.settings.Settings).toBe(keyward.Settings);
    expect(keyward.dataKeywardPermissions.DataKeywardPermissions).toBe(keyward.DataKeywardPermissions);
    expect(keyward.dataKeywardRole.DataKeywardRole).toBe(keyward.DataKeywardRole);
    expect(keyward.dataKeywardIntegrationUser.DataKeywardIntegrationUser).toBe(keyward.DataKeywardIntegrationUser);
    expect({
      provider: keyward.KeywardProvider.tfResourceType,
      resources: [keyward.ApiKey, keyward.Role, keyward.IntegrationUser, keyward.Settings].map((c) => c.tfResourceType),
      dataSources: [keyward.DataKeywardPermissions, keyward.DataKeywardRole, keyward.DataKeywardIntegrationUser].map(
        (c) => c.tfResourceType,
      ),
    }).toEqual({
      provider: "keyward",
      resources: ["keyward_api_key", "keyward_role", "keyward_integration_user", "keyward_settings"],
      dataSources: ["keyward_permissions", "keyward_role", "keyward_integration_user"],
    });
  });
});
