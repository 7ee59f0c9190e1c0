// keyward_api_key: a scoped key owned by an integration user. Either Keyward makes the token (it exists only in the
// create response, so it lives in state, sensitive, and an imported key has none), or the configuration supplies it
// through the write-only `token_wo` (Terraform/OpenTofu ≥ 1.11), so it reaches neither plan nor state; bumping
// `token_wo_version` rotates the key to a new one. Deleting a key revokes it; a revoked or expired key can never work
// again, so it is planned for replacement.

import type { ApiKey, ApiKeyCreate, ApiKeyUpdate } from "@keyward/sdk";
import {
  cty,
  type Diagnostics,
  defineResource,
  type Model,
  type Planned,
  Unknown,
  valuesEqual,
} from "@keyward/tfplugin";
import { callApi, changedFields, readOne } from "../api.js";
import type { ProviderClient } from "../client.js";
import { checkExpiryAhead, isDead, replaceDead } from "../credentials.js";
import { apiKey } from "../generated/schemas.js";
import { grantsToModel, grantsToRequest, keepPresetPermissions, validateExactlyOne } from "../permissions.js";
import { known } from "../values.js";

type KeyModel = Model<typeof apiKey.schema>;
/** Attributes kept by Terraform alone: the server never returns them. */
type TerraformOnly =
  | "token"
  | "rotate_when_changed"
  | "token_wo"
  | "token_wo_version"
  | "rotation_grace_period_seconds";

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
const newKeyValues = {
  id: Unknown,
  number: Unknown,
  created_at: Unknown,
  status: Unknown,
  prefix: Unknown,
  token: Unknown,
} as const;

/** The write-only token, once known: at create and update (core opens the ephemeral source before applying). */
const suppliedToken = (config: KeyModel): string | undefined => known(config.token_wo) ?? undefined;

/** `token_wo` and `token_wo_version` go together: the version is the only change core can see. */
function validateTokenWo(config: Planned<KeyModel>, diagnostics: Diagnostics): void {
  const hasToken = config.token_wo !== null;
  const hasVersion = config.token_wo_version !== null;
  if (hasToken !== hasVersion) {
    const [missing, given] = hasToken ? ["token_wo_version", "token_wo"] : ["token_wo", "token_wo_version"];
    diagnostics.error(
      `Missing ${missing}`,
      `${given} is set, so ${missing} must be set too: token_wo is write-only, so core can't see it change; bumping token_wo_version is what rotates the key to a new token_wo.`,
      [missing],
    );
  }
}

/** A new `token_wo_version` is the one sign of a new `token_wo` (write-only values are never compared). */
const rotates = (plan: Planned<KeyModel>, state: KeyModel) =>
  !valuesEqual(cty.number, plan.token_wo_version, state.token_wo_version);

/**
 * Request fields that come from attributes of other names: a supplied token is `token_wo` (`token` is the computed one
 * Keyward makes), so a refused token (malformed 422, reused 409) points at `token_wo`.
 */
const bodyFieldAttributes = { token: "token_wo", grace_period_seconds: "rotation_grace_period_seconds" };

const call = (summary: string, id: string | null) => ({
  summary,
  subject: id ? `API key ${id}` : "a new API key",
  schema: apiKey.schema,
  bodyFieldAttributes,
});

export const apiKeyResource = defineResource<typeof apiKey.schema, ProviderClient>({
  ...apiKey,
  validate({ config }, { diagnostics }) {
    validateExactlyOne(config, apiKey.exactlyOneOf, diagnostics);
    validateTokenWo(config, diagnostics);
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
    if (config.token_wo !== null) {
      // The token is the configuration's: Keyward never returns it, and state must not hold it.
      next = { ...next, token: null };
      if (state && !replacing && rotates(next, state)) {
        next = { ...next, prefix: Unknown };
      }
    }
    resp.plan = next;
  },
  async create({ client, config, plan }, resp) {
    const token = suppliedToken(config);
    const result = await callApi(resp.diagnostics, call("Unable to create API key", null), () =>
      client.api.POST("/v1/api-keys", {
        body: { ...(toRequest(plan) as ApiKeyCreate), ...(token !== undefined && { token }) },
      }),
    );
    if (result.ok) {
      resp.state = { ...plan, ...toModel(result.data), token: result.data.token ?? null };
    }
  },
  async read({ client, state }, resp) {
    const id = state.id ?? "";
    const result = await readOne(
      resp.diagnostics,
      client.lists,
      "/v1/api-keys",
      id,
      call("Unable to read API key", id),
      () => client.api.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: id } } }),
    );
    if (result.ok) {
      resp.state = { ...state, ...toModel(result.data) };
    } else if (result.notFound) {
      resp.state = null;
    }
  },
  async update({ client, config, plan, state }, resp) {
    const id = state.id ?? "";
    const path = { params: { path: { key_id: id } } };
    const body = changedFields(toRequest(plan), toRequest(state));
    // Only Terraform's own attributes changed (e.g. rotate_when_changed set after an import): nothing to send.
    let result = await callApi(resp.diagnostics, call("Unable to update API key", id), () =>
      Object.keys(body).length === 0
        ? client.api.GET("/v1/api-keys/{key_id}", path)
        : client.api.PATCH("/v1/api-keys/{key_id}", { ...path, body }),
    );
    const token = suppliedToken(config);
    if (result.ok && token !== undefined && rotates(plan, state)) {
      const grace = Number(known(plan.rotation_grace_period_seconds) ?? 0);
      result = await callApi(resp.diagnostics, call("Unable to rotate API key", id), () =>
        client.api.POST("/v1/api-keys/{key_id}/rotate", { ...path, body: { token, grace_period_seconds: grace } }),
      );
    }
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
