// data "keyward_integration_user": an integration user by id or by username.

import { paginate, unwrap } from "@keyward/sdk";
import { defineDataSource } from "@keyward/tfplugin";
import { attempt } from "../api.js";
import type { ProviderClient } from "../client.js";
import { integrationUserData } from "../generated/schemas.js";
import { userToModel } from "../resources/integration-user.js";
import { findFirst, validateLookup } from "./lookup.js";

export const integrationUserDataSource = defineDataSource<typeof integrationUserData.schema, ProviderClient>({
  ...integrationUserData,
  validate({ config }, { diagnostics }) {
    validateLookup(config, ["id", "username"], diagnostics);
  },
  async read({ client, config }, resp) {
    const { id, username } = config;
    const subject = id !== null ? `user ${id}` : `the user named ${JSON.stringify(username)}`;
    const result = await attempt(resp.diagnostics, { summary: "Unable to read integration user", subject }, async () =>
      id !== null
        ? unwrap(await client.api.GET("/v1/users/{user_id}", { params: { path: { user_id: id } } }))
        : findFirst(
            paginate(client.api, "/v1/users", { params: { query: { kind: "integration" } } }),
            (user) => user.username === username,
          ),
    );
    if (!result.ok) {
      return;
    }
    if (result.data === undefined) {
      resp.diagnostics.error("Integration user not found", `There is no integration ${subject.replace(/^the /, "")}.`, [
        "username",
      ]);
      return;
    }
    const model = userToModel(result.data, resp.diagnostics);
    if (model) {
      resp.state = model;
    }
  },
});
