// The sample business API, one generic handler per kind of operation: the operation's
// `x-keyward-permission` in the contract says which resource and action it needs; the domain decides; the
// response shows only the fields the key and its owner's roles allow.
import { type Catalog, operationPermission } from "../../domain/catalog.js";
import { KeywardError } from "../../domain/errors.js";
import type { Keyward } from "../../domain/keyward.js";
import { fieldProjection } from "../../domain/permissions.js";
import type { Action } from "../../domain/types.js";
import { grantedScope, keyPrincipal } from "../auth.js";
import type { OperationRoute } from "../contract.js";
import { type ApiRequest, created, noContent, type OperationHandlers, ok, type Reply } from "../operations.js";
import { pageBody, pageQuery } from "./paging.js";

/** A business request as every business operation's types allow it to be read. */
type RecordRequest<Params = unknown, Body = undefined, Query = unknown> = ApiRequest<Params, Body, Query>;
type Fields = Record<string, unknown>;
/** One handler serves every resource, so the type of the record it answers is erased here. */
// biome-ignore lint/suspicious/noExplicitAny: the erasure point of the per-resource record types.
type RecordReply = Promise<Reply<any>>;
type RecordId = { record_id: string };

export function businessHandlers(keyward: Keyward, catalog: Catalog, enforcement = true) {
  const { records, access } = keyward;

  /** The operation's resource and what the caller may see of it; throws the refusal of fields a write may not set. */
  function allow(req: RecordRequest<unknown, Fields | undefined>, route: OperationRoute) {
    const permission = operationPermission(route.operation);
    const resource = permission && catalog.resources.get(permission.resource);
    if (!permission || !resource) {
      throw new Error(`operation ${route.operationId} has no x-keyward-permission in the catalog`);
    }
    const shown = (scope: Parameters<typeof fieldProjection>[0]) => fieldProjection(scope, resource.fields);
    if (!enforcement) {
      return { resource: permission.resource, shown: shown("all") };
    }
    // Feature and permission were decided with the authentication; left: the fields a write sets.
    const written = isWrite(permission.action) ? Object.keys(req.body ?? {}) : [];
    const decision = access.authorizeFields(grantedScope(req), permission.resource, written);
    if (decision.ok) {
      return { resource: permission.resource, shown: shown(decision.scope) };
    }
    access.recordRefusal(decision.reason, keyPrincipal(req), {
      method: req.method,
      path: req.path,
      ...(req.ip !== undefined && { ip: req.ip }),
    });
    throw new KeywardError(decision.reason, decision.detail, {
      extra: {
        ...(decision.missing && { missing_permission: decision.missing }),
        ...(decision.fields && { fields: decision.fields }),
      },
    });
  }

  const list = async (
    req: RecordRequest<unknown, undefined, { cursor?: string; limit?: number }>,
    route: OperationRoute,
  ): RecordReply => {
    const granted = allow(req, route);
    const page = await records.list(granted.resource, pageQuery(req.query));
    return ok(pageBody({ ...page, items: page.items.map(granted.shown) }));
  };
  const create = async (req: RecordRequest<unknown, Fields>, route: OperationRoute): RecordReply => {
    const granted = allow(req, route);
    return created(granted.shown(await records.create(granted.resource, req.body)));
  };
  const get = async (req: RecordRequest<RecordId>, route: OperationRoute): RecordReply => {
    const granted = allow(req, route);
    return ok(granted.shown(await records.get(granted.resource, req.params.record_id)));
  };
  const update = async (req: RecordRequest<RecordId, Fields>, route: OperationRoute): RecordReply => {
    const granted = allow(req, route);
    return ok(granted.shown(await records.update(granted.resource, req.params.record_id, req.body)));
  };
  const remove = async (req: RecordRequest<RecordId>, route: OperationRoute): RecordReply => {
    const granted = allow(req, route);
    await records.delete(granted.resource, req.params.record_id);
    return noContent;
  };
  const download = async (req: RecordRequest<RecordId>, route: OperationRoute): RecordReply => {
    allow(req, route);
    const bytes = await records.download(req.params.record_id);
    return { bytes, contentType: "application/octet-stream", headers: ["Content-Disposition", "attachment"] };
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
