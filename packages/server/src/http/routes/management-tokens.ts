// Management tokens (scope tokens:manage, enforced from the contract before these run) and the calling token
// itself (any scope). Each handler: read the validated request, call one use case, shape the response.
import type { Keyward } from "../../domain/keyward.js";
import { actorOf, tokenCaller } from "../auth.js";
import { created, type OperationHandlers, ok } from "../operations.js";
import { pageBody, pageQuery } from "./paging.js";

export function managementTokenHandlers(keyward: Keyward) {
  const tokens = keyward.managementTokens;
  return {
    getCurrentManagementToken: async (req) => ok(await tokens.get(tokenCaller(req).tokenId)),
    listManagementTokens: async (req) => {
      const { user_id, status } = req.query;
      return ok(
        pageBody(
          await tokens.list({
            ...pageQuery(req.query),
            ...(user_id && { userId: user_id }),
            ...(status && { status }),
          }),
        ),
      );
    },
    createManagementToken: async (req) => created(await tokens.create(req.body, tokenCaller(req))),
    getManagementToken: async (req) => ok(await tokens.get(req.params.token_id)),
    updateManagementToken: async (req) => ok(await tokens.update(req.params.token_id, req.body, tokenCaller(req))),
    revokeManagementToken: async (req) => ok(await tokens.revoke(req.params.token_id, actorOf(req))),
    rotateManagementToken: async (req) =>
      ok(await tokens.rotate(req.params.token_id, req.body?.grace_period_seconds ?? 0, actorOf(req))),
  } satisfies Partial<OperationHandlers>;
}
