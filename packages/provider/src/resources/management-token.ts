// keyward_management_token: a scoped kwa_ token of an admin user, e.g. for a CI pipeline. Like keyward_api_key, its
// secret exists only in the create response (sensitive in state; an imported token has none), destroying it
// revokes it, and a revoked or expired token is planned for replacement.

import type { ManagementScope, ManagementToken, ManagementTokenCreate } from "@keyward/sdk";
import { defineResource, type Model, type Planned, Unknown } from "@keyward/tfplugin";
import { callApi, changedFields } from "../api.js";
import type { ProviderClient } from "../client.js";
import { checkExpiryAhead, isDead, replaceDead } from "../credentials.js";
import { managementToken } from "../generated/schemas.js";
import { known } from "../values.js";

type TokenModel = Model<typeof managementToken.schema>;

function toModel(api: ManagementToken): Omit<TokenModel, "token"> {
  return {
    id: api.id,
    user_id: api.user_id,
    name: api.name,
    description: api.description,
    scopes: [...api.scopes],
    expires_at: api.expires_at,
    active: api.active,
    status: api.status,
    prefix: api.prefix,
    created_at: api.created_at,
  };
}

function toRequest(model: Planned<TokenModel>): ManagementTokenCreate {
  const userId = known(model.user_id);
  return {
    name: known(model.name) ?? "",
    description: known(model.description) ?? "",
    scopes: (known(model.scopes) ?? []) as ManagementScope[],
    expires_at: known(model.expires_at) ?? null,
    active: known(model.active) ?? true,
    ...(typeof userId === "string" && { user_id: userId }),
  };
}

/** What a replacement changes: everything the server assigns to a new token. */
const newTokenValues = { id: Unknown, created_at: Unknown, status: Unknown, prefix: Unknown, token: Unknown } as const;

const call = (summary: string, id: string | null) => ({
  summary,
  subject: id ? `management token ${id}` : "a new management token",
  schema: managementToken.schema,
});

export const managementTokenResource = defineResource<typeof managementToken.schema, ProviderClient>({
  ...managementToken,
  modifyPlan({ config, plan, state }, resp) {
    if (!config || !plan) {
      return;
    }
    let next = plan;
    const replacing = isDead(state);
    if (replacing) {
      next = { ...next, ...newTokenValues };
      resp.requiresReplace.push(replaceDead);
    } else if (state && next.active === state.active && next.expires_at === state.expires_at) {
      // Status follows active and expiry alone; a rename must not show it as "known after apply".
      next = { ...next, status: state.status };
    }
    checkExpiryAhead(plan.expires_at, state, replacing, "management token", resp.diagnostics);
    resp.plan = next;
  },
  async create({ client, plan }, resp) {
    const result = await callApi(resp.diagnostics, call("Unable to create management token", null), () =>
      client.api.POST("/v1/management-tokens", { body: toRequest(plan) }),
    );
    if (result.ok) {
      resp.state = { ...plan, ...toModel(result.data), token: result.data.token };
    }
  },
  async read({ client, state }, resp) {
    const id = state.id ?? "";
    const result = await callApi(
      resp.diagnostics,
      { ...call("Unable to read management token", id), notFoundOk: true },
      () => client.api.GET("/v1/management-tokens/{token_id}", { params: { path: { token_id: id } } }),
    );
    if (result.ok) {
      resp.state = { ...state, ...toModel(result.data) };
    } else if (result.notFound) {
      resp.state = null;
    }
  },
  async update({ client, plan, state }, resp) {
    const id = state.id ?? "";
    const { user_id: _owner, ...body } = changedFields(toRequest(plan), toRequest(state));
    const result = await callApi(resp.diagnostics, call("Unable to update management token", id), () =>
      Object.keys(body).length === 0
        ? client.api.GET("/v1/management-tokens/{token_id}", { params: { path: { token_id: id } } })
        : client.api.PATCH("/v1/management-tokens/{token_id}", { params: { path: { token_id: id } }, body }),
    );
    if (result.ok) {
      resp.state = { ...plan, ...toModel(result.data) };
    }
  },
  async delete({ client, state }, resp) {
    const id = state.id ?? "";
    // Revokes (the record stays for the audit trail); revoking a revoked or missing token is already done.
    await callApi(resp.diagnostics, { ...call("Unable to revoke management token", id), notFoundOk: true }, () =>
      client.api.DELETE("/v1/management-tokens/{token_id}", { params: { path: { token_id: id } } }),
    );
  },
  importState({ id }, resp) {
    resp.state.id = id;
  },
});
