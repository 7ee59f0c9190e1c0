// The sample business API, one generic handler for every resource: the operation's
// `x-keyward-permission` in the contract says what it needs; the domain decides; the response shows
// only the fields the key and its owner's roles allow.
import { type Request, type Response, Router } from "express";
import type { Catalog } from "../../domain/catalog.js";
import { operationPermission } from "../../domain/catalog.js";
import type { Keyward } from "../../domain/keyward.js";
import { visibleFields } from "../../domain/permissions.js";
import type { Action, BusinessRecord, ResourceName } from "../../domain/types.js";
import { keyPrincipal } from "../auth.js";
import { sendProblem } from "../problem.js";
import { pageBody, pageQuery } from "./paging.js";

export function businessRoutes(keyward: Keyward, catalog: Catalog, enforcement = true): Router {
  const router = Router();
  const { records, access } = keyward;

  /** Runs the access decision; on refusal answers 402/403 and returns null. */
  async function allow(req: Request, res: Response) {
    const permission = operationPermission(req.operation?.operation);
    if (!permission) throw new Error(`operation ${req.operation?.operationId} has no x-keyward-permission`);
    if (!enforcement) return { ...permission, scope: "all" as const };
    const principal = keyPrincipal(req);
    const written = isWrite(permission.action) ? Object.keys((req.body ?? {}) as object) : [];
    const decision = access.authorize(principal, permission.resource, permission.action, written);
    if (decision.ok) return { ...permission, scope: decision.scope };
    access.recordRefusal(decision.reason, principal, { method: req.method, path: req.path, ...(req.ip !== undefined && { ip: req.ip }) });
    sendProblem(res, {
      code: decision.reason,
      detail: decision.detail,
      extra: { ...(decision.missing && { missing_permission: decision.missing }), ...(decision.fields && { fields: decision.fields }) },
    });
    return null;
  }

  for (const resource of catalog.resources.values()) {
    const fields = resource.fields;
    const base = `/v1/${resource.name}`;
    const shown = (scope: Parameters<typeof visibleFields>[1]) => (record: BusinessRecord) => visibleFields(record, scope, fields);
    const name: ResourceName = resource.name;
    const id = (req: Request) => String(req.params.record_id);

    router.get(base, async (req, res) => {
      const granted = await allow(req, res);
      if (granted) res.json(pageBody(await records.list(name, pageQuery(req)), shown(granted.scope)));
    });
    router.post(base, async (req, res) => {
      const granted = await allow(req, res);
      if (granted) res.status(201).json(shown(granted.scope)(await records.create(name, req.body)));
    });
    router.get(`${base}/:record_id`, async (req, res) => {
      const granted = await allow(req, res);
      if (granted) res.json(shown(granted.scope)(await records.get(name, id(req))));
    });
    router.patch(`${base}/:record_id`, async (req, res) => {
      const granted = await allow(req, res);
      if (granted) res.json(shown(granted.scope)(await records.update(name, id(req), req.body)));
    });
    router.delete(`${base}/:record_id`, async (req, res) => {
      const granted = await allow(req, res);
      if (!granted) return;
      await records.delete(name, id(req));
      res.status(204).end();
    });
    router.get(`${base}/:record_id/download`, async (req, res) => {
      const granted = await allow(req, res);
      if (!granted) return;
      const body = await records.download(id(req));
      res.type("application/octet-stream").setHeader("Content-Disposition", "attachment");
      res.send(body);
    });
  }
  return router;
}

function isWrite(action: Action): boolean {
  return action === "create" || action === "update";
}
