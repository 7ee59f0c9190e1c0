// The server and the caller: health, the permission catalog, the calling key.
import type { Keyward } from "../../domain/keyward.js";
import { keyPrincipal } from "../auth.js";
import type { OperationHandlers } from "../operations.js";

export function introspectionHandlers(keyward: Keyward, version: string) {
  return {
    getHealth: (_req, res) => void res.json({ status: "ok", version, ...keyward.health() }),
    getPermissionCatalog: (_req, res) => void res.json(keyward.access.catalog()),
    getMe: (req, res) => void res.json(keyward.access.me(keyPrincipal(req))),
  } satisfies Partial<OperationHandlers>;
}
