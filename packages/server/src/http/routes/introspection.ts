// The server and the caller: health, the permission catalog, the calling key.
import type { Keyward } from "../../domain/keyward.js";
import { keyPrincipal } from "../auth.js";
import { type OperationHandlers, ok } from "../operations.js";

export function introspectionHandlers(keyward: Keyward, version: string) {
  return {
    getHealth: (_req) => ok({ status: "ok", version, ...keyward.health() }),
    getPermissionCatalog: (_req) => ok(keyward.access.catalog()),
    getMe: (req) => ok(keyward.access.me(keyPrincipal(req))),
  } satisfies Partial<OperationHandlers>;
}
