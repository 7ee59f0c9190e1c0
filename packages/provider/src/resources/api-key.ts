// keyward_api_key: a scoped key owned by an integration user. The token exists only in the create response, so it
// lives in state (sensitive) and an imported key has none. Deleting a key revokes it; a revoked or expired key can
// never work again, so it is planned for replacement.
import { defineResource, type Model, type Planned, Unknown } from "@keyward/tfplugin";
import type { ApiKey, ApiKeyCreate, ApiKeyUpdate } from "@keyward/sdk";
import { callApi, changedFields } from "../api.js";
import { checkExpiryAhead, isDead, replaceDead } from "../credentials.js";
import type { ProviderClient } from "../client.js";
import { apiKey } from "../generated/schemas.js";
import { grantsToModel, grantsToRequest, keepPresetPermissions, validateExactlyOne } from "../permissions.js";
import { known } from "../values.js";

type KeyModel = Model<typeof apiKey.schema>;
/** Attributes kept by Terraform alone: the server never returns them. */
type TerraformOnly = "token" | "rotate_when_changed";

function toModel(api: ApiKey): Omit<KeyModel, TerraformOnly> {
  return {
    id: api.id,
    number: api.number,
    name: api.name,
    description: api.description,
    user_id: api.user_id,
    created_at: api.created_at,
    expires_at: api.expires_at,
    active: api.active,
    status: api.status,
    prefix: api.prefix,
    permissions: grantsToModel(api.permissions),
    preset: api.preset,
    allowed_ips: [...api.allowed_ips],
  };
}

/** The whole request: the body of an update as is, of a create once its grant choice is known (always, at apply). */
function toRequest(model: Planned<KeyModel>): ApiKeyUpdate & Pick<ApiKeyCreate, "user_id"> {
  return {
    name: known(model.name) ?? "",
    description: known(model.description) ?? "",
    user_id: known(model.user_id) ?? "",
    expires_at: known(model.expires_at) ?? null,
    active: known(model.active) ?? true,
    allowed_ips: (known(model.allowed_ips) ?? []) as string[],
    ...grantsToRequest(model),
  };
}

/** What a replacement changes: everything the server assigns to a new key. */
const newKeyValues = { id: Unknown, number: Unknown, created_at: Unknown, status: Unknown, prefix: Unknown, token: Unknown } as const;

const call = (summary: string, id: string | null) => ({ summary, subject: id ? `API key ${id}` : "a new API key", schema: apiKey.schema });

export const apiKeyResource = defineResource<typeof apiKey.schema, ProviderClient>({
  ...apiKey,
  validate({ config }, { diagnostics }) {
    validateExactlyOne(config, apiKey.exactlyOneOf, diagnostics);
  },
  modifyPlan({ config, plan, state }, resp) {
    if (!config || !plan) {
      return;
    }
    let next = keepPresetPermissions(state, config, plan);
    const replacing = isDead(state);
    if (replacing) {
      next = { ...next, ...newKeyValues };
      resp.requiresReplace.push(replaceDead);
    } else if (state && next.active === state.active && next.expires_at === state.expires_at) {
      // Status follows active and expiry alone; a rename must not show it as "known after apply".
      next = { ...next, status: state.status };
    }
    checkExpiryAhead(plan.expires_at, state, replacing, "key", resp.diagnostics);
    resp.plan = next;
  },
  async create({ client, plan }, resp) {
    const result = await callApi(resp.diagnostics, call("Unable to create API key", null), () =>
      client.api.POST("/v1/api-keys", { body: toRequest(plan) as ApiKeyCreate }),
    );
    if (result.ok) {
      resp.state = { ...plan, ...toModel(result.data), token: result.data.token };
    }
  },
  async read({ client, state }, resp) {
    const id = state.id ?? "";
    const result = await callApi(resp.diagnostics, { ...call("Unable to read API key", id), notFoundOk: true }, () =>
      client.api.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: id } } }),
    );
    if (result.ok) {
      resp.state = { ...state, ...toModel(result.data) };
    } else if (result.notFound) {
      resp.state = null;
    }
  },
  async update({ client, plan, state }, resp) {
    const id = state.id ?? "";
    const body = changedFields(toRequest(plan), toRequest(state));
    // Only Terraform's own attributes changed (e.g. rotate_when_changed set after an import): nothing to send.
    const result = await callApi(resp.diagnostics, call("Unable to update API key", id), () =>
      Object.keys(body).length === 0
        ? client.api.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: id } } })
        : client.api.PATCH("/v1/api-keys/{key_id}", { params: { path: { key_id: id } }, body }),
    );
    if (result.ok) {
      resp.state = { ...plan, ...toModel(result.data) };
    }
  },
  async delete({ client, state }, resp) {
    const id = state.id ?? "";
    // Revokes (the record stays for the audit trail); revoking a revoked or missing key is already done.
    await callApi(resp.diagnostics, { ...call("Unable to revoke API key", id), notFoundOk: true }, () =>
      client.api.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: id } } }),
    );
  },
  importState({ id }, resp) {
    resp.state.id = id;
  },
});
