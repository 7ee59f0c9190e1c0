// keyward_role: a permission template. Either permissions or a preset (whose permissions the server expands).

import type { Role, RoleCreate, RoleUpdate } from "@keyward/sdk";
import { defineResource, type Model, type Planned } from "@keyward/tfplugin";
import { callApi, changedFields, readOne } from "../api.js";
import type { ProviderClient } from "../client.js";
import { role } from "../generated/schemas.js";
import { grantsToModel, grantsToRequest, keepPresetPermissions, validateExactlyOne } from "../permissions.js";
import { known } from "../values.js";

type RoleModel = Model<typeof role.schema>;

export function roleToModel(api: Role): RoleModel {
  return {
    id: api.id,
    name: api.name,
    description: api.description,
    permissions: grantsToModel(api.permissions),
    preset: api.preset,
    created_at: api.created_at,
  };
}

/** The whole request: the body of an update as is, of a create once its grant choice is known (always, at apply). */
function toRequest(model: Planned<RoleModel>): RoleUpdate {
  return { name: known(model.name) ?? "", description: known(model.description) ?? "", ...grantsToRequest(model) };
}

const call = (summary: string, id: string | null) => ({
  summary,
  subject: id ? `role ${id}` : "a new role",
  schema: role.schema,
});

export const roleResource = defineResource<typeof role.schema, ProviderClient>({
  ...role,
  validate({ config }, { diagnostics }) {
    validateExactlyOne(config, role.exactlyOneOf, diagnostics);
  },
  modifyPlan({ config, plan, state }, resp) {
    if (config && plan) {
      resp.plan = keepPresetPermissions(state, config, plan);
    }
  },
  async create({ client, plan }, resp) {
    const result = await callApi(resp.diagnostics, call("Unable to create role", null), () =>
      client.api.POST("/v1/roles", { body: toRequest(plan) as RoleCreate }),
    );
    if (result.ok) {
      resp.state = roleToModel(result.data);
    }
  },
  async read({ client, state }, resp) {
    const id = state.id ?? "";
    const result = await readOne(resp.diagnostics, client.lists, "/v1/roles", id, call("Unable to read role", id), () =>
      client.api.GET("/v1/roles/{role_id}", { params: { path: { role_id: id } } }),
    );
    if (result.ok) {
      resp.state = roleToModel(result.data);
    } else if (result.notFound) {
      resp.state = null;
    }
  },
  async update({ client, plan, state }, resp) {
    const id = state.id ?? "";
    const result = await callApi(resp.diagnostics, call("Unable to update role", id), () =>
      client.api.PATCH("/v1/roles/{role_id}", {
        params: { path: { role_id: id } },
        body: changedFields(toRequest(plan), toRequest(state)),
      }),
    );
    if (result.ok) {
      resp.state = roleToModel(result.data);
    }
  },
  async delete({ client, state }, resp) {
    const id = state.id ?? "";
    // Already gone is what delete wants.
    await callApi(resp.diagnostics, { ...call("Unable to delete role", id), notFoundOk: true }, () =>
      client.api.DELETE("/v1/roles/{role_id}", { params: { path: { role_id: id } } }),
    );
  },
  importState({ id }, resp) {
    resp.state.id = id;
  },
});
