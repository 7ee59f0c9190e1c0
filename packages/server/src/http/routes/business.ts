// The sample business API, one generic handler per kind of operation: the operation's
// `x-keyward-permission` in the contract says which resource and action it needs; the domain decides; the
// response shows only the fields the key and its owner's roles allow.
import type { Request, Response } from "express";
import { type Catalog, operationPermission } from "../../domain/catalog.js";
import type { Keyward } from "../../domain/keyward.js";
import { visibleFields } from "../../domain/permissions.js";
import type { Action, BusinessRecord } from "../../domain/types.js";
import { keyPrincipal } from "../auth.js";
import type { OperationRoute } from "../contract.js";
import type { OperationHandlers } from "../operations.js";
import { sendProblem } from "../problem.js";
import { pageBody, pageQuery } from "./paging.js";

/** A business request as every business operation's types allow it to be read. */
type RecordRequest<Params = unknown, Body = undefined, Query = unknown> = Request<Params, unknown, Body, Query>;
type Fields = Record<string, unknown>;
type RecordId = { record_id: string };

export function businessHandlers(keyward: Keyward, catalog: Catalog, enforcement = true) {
  const { records, access } = keyward;

  /** The operation's resource and what the caller may see of it; on refusal answers 402/403 and returns null. */
  function allow(req: RecordRequest<unknown, Fields | undefined>, res: Response, route: OperationRoute) {
    const permission = operationPermission(route.operation);
    const resource = permission && catalog.resources.get(permission.resource);
    if (!permission || !resource) {
      throw new Error(`operation ${route.operationId} has no x-keyward-permission in the catalog`);
    }
    const shown = (scope: Parameters<typeof visibleFields>[1]) => (record: BusinessRecord) =>
      visibleFields(record, scope, resource.fields);
    if (!enforcement) {
      return { resource: permission.resource, shown: shown("all") };
    }
    const principal = keyPrincipal(req);
    const written = isWrite(permission.action) ? Object.keys(req.body ?? {}) : [];
    const decision = access.authorize(principal, permission.resource, permission.action, written);
    if (decision.ok) {
      return { resource: permission.resource, shown: shown(decision.scope) };
    }
    access.recordRefusal(decision.reason, principal, {
      method: req.method,
      path: req.path,
      ...(req.ip !== undefined && { ip: req.ip }),
    });
    sendProblem(res, {
      code: decision.reason,
      detail: decision.detail,
      extra: {
        ...(decision.missing && { missing_permission: decision.missing }),
        ...(decision.fields && { fields: decision.fields }),
      },
    });
    return null;
  }

  const list = async (
    req: RecordRequest<unknown, undefined, { cursor?: string; limit?: number }>,
    res: Response,
    route: OperationRoute,
  ) => {
    const granted = allow(req, res, route);
    if (!granted) {
      return;
    }
    const page = await records.list(granted.resource, pageQuery(req.query));
    res.json(pageBody({ ...page, items: page.items.map(granted.shown) }));
  };
  const create = async (req: RecordRequest<unknown, Fields>, res: Response, route: OperationRoute) => {
    const granted = allow(req, res, route);
    if (granted) {
      res.status(201).json(granted.shown(await records.create(granted.resource, req.body)));
    }
  };
  const get = async (req: RecordRequest<RecordId>, res: Response, route: OperationRoute) => {
    const granted = allow(req, res, route);
    if (granted) {
      res.json(granted.shown(await records.get(granted.resource, req.params.record_id)));
    }
  };
  const update = async (req: RecordRequest<RecordId, Fields>, res: Response, route: OperationRoute) => {
    const granted = allow(req, res, route);
    if (granted) {
      res.json(granted.shown(await records.update(granted.resource, req.params.record_id, req.body)));
    }
  };
  const remove = async (req: RecordRequest<RecordId>, res: Response, route: OperationRoute) => {
    const granted = allow(req, res, route);
    if (!granted) {
      return;
    }
    await records.delete(granted.resource, req.params.record_id);
    res.status(204).end();
  };
  const download = async (req: RecordRequest<RecordId>, res: Response, route: OperationRoute) => {
    if (!allow(req, res, route)) {
      return;
    }
    const body = await records.download(req.params.record_id);
    res.type("application/octet-stream").setHeader("Content-Disposition", "attachment");
    res.send(body);
  };

  return {
    listEvents: list,
    createEvent: create,
    getEvent: get,
    updateEvent: update,
    deleteEvent: remove,
    listSessions: list,
    createSession: create,
    getSession: get,
    updateSession: update,
    deleteSession: remove,
    listAttendees: list,
    createAttendee: create,
    getAttendee: get,
    updateAttendee: update,
    deleteAttendee: remove,
    listPeople: list,
    createPerson: create,
    getPerson: get,
    updatePerson: update,
    deletePerson: remove,
    listInvoices: list,
    createInvoice: create,
    getInvoice: get,
    updateInvoice: update,
    deleteInvoice: remove,
    listDocuments: list,
    getDocument: get,
    downloadDocument: download,
  } satisfies Partial<OperationHandlers>;
}

function isWrite(action: Action): boolean {
  return action === "create" || action === "update";
}
