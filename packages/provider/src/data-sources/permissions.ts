// data "keyward_permissions": the live permission catalog (resources with actions and fields, and presets).
import { defineDataSource } from "@keyward/tfplugin";
import { callApi } from "../api.js";
import type { ProviderClient } from "../client.js";
import { permissionsData } from "../generated/schemas.js";
import { grantsToModel } from "../permissions.js";

export const permissionsDataSource = defineDataSource<typeof permissionsData.schema, ProviderClient>({
  ...permissionsData,
  async read({ client }, resp) {
    const result = await callApi(
      resp.diagnostics,
      { summary: "Unable to read the permission catalog", subject: "the permission catalog" },
      () => client.api.GET("/v1/permissions"),
    );
    if (!result.ok) {
      return;
    }
    resp.state = {
      resources: result.data.resources.map((r) => ({
        name: r.name,
        description: r.description,
        actions: [...r.actions],
        fields: [...r.fields],
      })),
      presets: result.data.presets.map((p) => ({
        name: p.name,
        description: p.description,
        permissions: grantsToModel(p.permissions),
      })),
    };
  },
});
