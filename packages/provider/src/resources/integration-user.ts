// keyward_integration_user: a dedicated user of kind `integration` (never an admin). People are not managed here.

import type { User, UserCreate } from "@keyward/sdk";
import { type Diagnostics, defineResource, type Model, type Planned } from "@keyward/tfplugin";
import { callApi, changedFields, readOne } from "../api.js";
import type { ProviderClient } from "../client.js";
import { integrationUser } from "../generated/schemas.js";
import { known } from "../values.js";

type UserModel = Model<typeof integrationUser.schema>;

/** The model of an integration user; a person (e.g. imported by mistake) is reported, not managed. */
export function userToModel(api: User, diagnostics: Diagnostics): UserModel | null {
  if (api.kind !== "integration") {
    diagnostics.error(
      "Not an integration user",
      `User ${api.id} (${api.username}) is of kind ${api.kind}; keyward_integration_user manages integration users only.`,
    );
    return null;
  }
  return {
    id: api.id,
    username: api.username,
    name: api.name,
    email: api.email,
    role_ids: [...api.role_ids],
    active: api.active,
    created_at: api.created_at,
  };
}

function toRequest(model: Planned<UserModel>): Omit<UserCreate, "kind" | "is_admin"> {
  return {
    username: known(model.username) ?? "",
    name: known(model.name) ?? "",
    email: known(model.email) ?? null,
    role_ids: (known(model.role_ids) ?? []) as string[],
    active: known(model.active) ?? true,
  };
}

const call = (summary: string, id: string | null) => ({
  summary,
  subject: id ? `user ${id}` : "a new user",
  schema: integrationUser.schema,
});

export const integrationUserResource = defineResource<typeof integrationUser.schema, ProviderClient>({
  ...integrationUser,
  async create({ client, plan }, resp) {
    const result = await callApi(resp.diagnostics, call("Unable to create integration user", null), () =>
      client.api.POST("/v1/users", { body: { ...toRequest(plan), kind: "integration" } }),
    );
    if (result.ok) {
      resp.state = userToModel(result.data, resp.diagnostics);
    }
  },
  async read({ client, state }, resp) {
    const id = state.id ?? "";
    const result = await readOne(
      resp.diagnostics,
      client.lists,
      "/v1/users",
      id,
      call("Unable to read integration user", id),
      () => client.api.GET("/v1/users/{user_id}", { params: { path: { user_id: id } } }),
    );
    if (result.ok) {
      resp.state = userToModel(result.data, resp.diagnostics);
    } else if (result.notFound) {
      resp.state = null;
    }
  },
  async update({ client, plan, state }, resp) {
    const id = state.id ?? "";
    const result = await callApi(resp.diagnostics, call("Unable to update integration user", id), () =>
      client.api.PATCH("/v1/users/{user_id}", {
        params: { path: { user_id: id } },
        body: changedFields(toRequest(plan), toRequest(state)),
      }),
    );
    const updated = result.ok ? userToModel(result.data, resp.diagnostics) : null;
    if (updated) {
      resp.state = updated;
    }
  },
  async delete({ client, state }, resp) {
    const id = state.id ?? "";
    // The server revokes the user's keys; already gone is what delete wants.
    await callApi(resp.diagnostics, { ...call("Unable to delete integration user", id), notFoundOk: true }, () =>
      client.api.DELETE("/v1/users/{user_id}", { params: { path: { user_id: id } } }),
    );
  },
  importState({ id }, resp) {
    resp.state.id = id;
  },
});
