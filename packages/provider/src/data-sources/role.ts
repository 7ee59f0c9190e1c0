// data "keyward_role": a role by id or by name.

import { paginate, unwrap } from "@keyward/sdk";
import { defineDataSource } from "@keyward/tfplugin";
import { attempt } from "../api.js";
import type { ProviderClient } from "../client.js";
import { roleData } from "../generated/schemas.js";
import { roleToModel } from "../resources/role.js";
import { findFirst, validateLookup } from "./lookup.js";

export const roleDataSource = defineDataSource<typeof roleData.schema, ProviderClient>({
  ...roleData,
  validate({ config }, { diagnostics }) {
    validateLookup(config, ["id", "name"], diagnostics);
  },
  async read({ client, config }, resp) {
    const { id, name } = config;
    const subject = id !== null ? `role ${id}` : `the role named ${JSON.stringify(name)}`;
    const result = await attempt(resp.diagnostics, { summary: "Unable to read role", subject }, async () =>
      id !== null
        ? unwrap(await client.api.GET("/v1/roles/{role_id}", { params: { path: { role_id: id } } }))
        : findFirst(paginate(client.api, "/v1/roles"), (role) => role.name === name),
    );
    if (!result.ok) {
      return;
    }
    if (result.data === undefined) {
      resp.diagnostics.error("Role not found", `There is no ${subject}.`, ["name"]);
      return;
    }
    resp.state = roleToModel(result.data);
  },
});
