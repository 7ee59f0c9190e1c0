// ephemeral "keyward_token": a new key token made on this machine, for `keyward_api_key.token_wo` and a secret store's
// write-only input. No call to Keyward and no side effect, like random_password: core opens it in every plan and
// apply, and a plan that uses none of it leaves nothing behind.

import { generateKeywardToken } from "@keyward/sdk";
import { defineEphemeralResource } from "@keyward/tfplugin";
import type { ProviderClient } from "../client.js";
import { tokenEphemeral } from "../generated/schemas.js";

export const tokenEphemeralResource = defineEphemeralResource<typeof tokenEphemeral.schema, ProviderClient>({
  ...tokenEphemeral,
  open(_req, resp) {
    resp.result.token = generateKeywardToken();
  },
});
