// keyward_settings: the workspace's singleton settings (id "settings"). Attributes left out get Keyward's
// defaults (the schema's), and destroying the resource resets the workspace to those defaults, so removing it
// from the configuration never leaves a forgotten policy behind.

import type { Settings, SettingsUpdate } from "@keyward/sdk";
import { type Diagnostics, defineResource, type Model, type Planned } from "@keyward/tfplugin";
import { callApi } from "../api.js";
import type { ProviderClient } from "../client.js";
import { settings } from "../generated/schemas.js";
import { known } from "../values.js";

type SettingsModel = Model<typeof settings.schema>;

const SETTINGS_ID = "settings";

function toModel(api: Settings): SettingsModel {
  return {
    id: SETTINGS_ID,
    features: { external_connectivity: api.features.external_connectivity },
    key_inactivity_days: api.key_inactivity_days,
    max_key_lifetime_days: api.max_key_lifetime_days,
    revoked_key_retention_days: api.revoked_key_retention_days,
  };
}

function toRequest(model: Planned<SettingsModel>): SettingsUpdate {
  const features = known(model.features);
  const connectivity = features ? known(features.external_connectivity) : undefined;
  const days = known(model.key_inactivity_days);
  const lifetime = known(model.max_key_lifetime_days);
  const retention = known(model.revoked_key_retention_days);
  return {
    ...(typeof connectivity === "boolean" && { features: { external_connectivity: connectivity } }),
    ...(days !== undefined && days !== null && { key_inactivity_days: Number(days) }),
    max_key_lifetime_days: lifetime === undefined || lifetime === null ? null : Number(lifetime),
    ...(retention !== undefined && retention !== null && { revoked_key_retention_days: Number(retention) }),
  };
}

/** The schema's defaults, i.e. a fresh workspace. */
const defaults: Planned<SettingsModel> = {
  id: SETTINGS_ID,
  features: settings.schema.attributes.features.default ?? null,
  key_inactivity_days: settings.schema.attributes.key_inactivity_days.default ?? null,
  max_key_lifetime_days: null,
  revoked_key_retention_days: settings.schema.attributes.revoked_key_retention_days.default ?? null,
};

const call = (summary: string) => ({ summary, subject: "the workspace settings", schema: settings.schema });

async function patch(client: ProviderClient, summary: string, model: Planned<SettingsModel>, diagnostics: Diagnostics) {
  return callApi(diagnostics, call(summary), () => client.api.PATCH("/v1/settings", { body: toRequest(model) }));
}

export const settingsResource = defineResource<typeof settings.schema, ProviderClient>({
  ...settings,
  async create({ client, plan }, resp) {
    const result = await patch(client, "Unable to apply settings", plan, resp.diagnostics);
    if (result.ok) {
      resp.state = toModel(result.data);
    }
  },
  async read({ client }, resp) {
    const result = await callApi(resp.diagnostics, call("Unable to read settings"), () =>
      client.api.GET("/v1/settings"),
    );
    if (result.ok) {
      resp.state = toModel(result.data);
    }
  },
  async update({ client, plan }, resp) {
    const result = await patch(client, "Unable to update settings", plan, resp.diagnostics);
    if (result.ok) {
      resp.state = toModel(result.data);
    }
  },
  async delete({ client }, resp) {
    await patch(client, "Unable to reset settings", defaults, resp.diagnostics);
  },
  importState({ id }, resp) {
    if (id !== SETTINGS_ID) {
      resp.diagnostics.error(
        "Invalid settings id",
        `The workspace settings are a singleton: import them as "${SETTINGS_ID}", not ${JSON.stringify(id)}.`,
      );
    }
    resp.state.id = SETTINGS_ID;
  },
});
