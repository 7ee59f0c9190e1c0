// The contract's operations, each served by the one handler named by its operationId. A request is matched
// to its operation once (api-listener.ts; the same match authentication decides on); dispatch is then a table
// lookup built at start, so no route path is written beside openapi.yaml and no second, looser path matcher can
// reach a handler that authentication never saw. Each operation's request validator is compiled at start, and
// in tests a check of each JSON answer.

import type { IncomingHttpHeaders } from "node:http";
// The one import of the generated operation types.
import type { OperationId, operations } from "@keyward/contract";
import type { Principal } from "../domain/access.js";
import type { FieldScope } from "../domain/permissions.js";
import type { Contract, OperationRoute } from "./contract.js";
import { compileRequestValidators, RequestRejected, type RequestValidator } from "./request-validation.js";
import { compileResponseChecks, type ResponseCheck } from "./response-validation.js";

export type { OperationId };

type Operation<Id extends OperationId> = operations[Id];
type JsonBody<Content, Otherwise> = Content extends { content: { "application/json": infer Body } } ? Body : Otherwise;

/** The operation's path parameters by name, e.g. `{ key_id: string }`. */
export type PathParams<Id extends OperationId> = Operation<Id>["parameters"] extends { path: infer Path }
  ? Path
  : Record<string, never>;

/** The operation's query parameters as the validator leaves them (coerced to their schema types). */
export type QueryParams<Id extends OperationId> = Operation<Id>["parameters"] extends { query?: infer Query }
  ? [Query] extends [undefined]
    ? Record<string, never>
    : NonNullable<Query>
  : Record<string, never>;

/** The operation's JSON request body; `undefined` when it has none, or when the body is optional and not sent. */
export type RequestBody<Id extends OperationId> =
  Operation<Id> extends { requestBody: infer Body }
    ? JsonBody<Body, undefined>
    : Operation<Id> extends { requestBody?: infer Body }
      ? JsonBody<NonNullable<Body>, undefined> | undefined
      : undefined;

/** The JSON body of the operation's success response (200, else 201); `unknown` for none or a non-JSON one. */
export type SuccessBody<Id extends OperationId> = Operation<Id>["responses"] extends { 200: infer Success }
  ? JsonBody<Success, unknown>
  : Operation<Id>["responses"] extends { 201: infer Created }
    ? JsonBody<Created, unknown>
    : unknown;

/**
 * A contract operation's request as its handler gets it: authenticated, validated, `params` decoded, `query`
 * coerced with defaults filled in, `body` parsed.
 */
export interface ApiRequest<Params = Record<string, string>, Body = unknown, Query = Record<string, unknown>> {
  readonly method: string;
  /** The path, undecoded, without the query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The client address (behind trusted proxies, the one they forward). */
  readonly ip: string | undefined;
  /** Whether the client reached the server over HTTPS (directly or through a trusted proxy). */
  readonly secure: boolean;
  readonly operation: OperationRoute;
  params: Params;
  query: Query;
  body: Body;
  principal?: Principal;
  /** What an integration key may touch under the operation's `x-keyward-permission`, decided by authentication. */
  granted?: FieldScope;
  /** The console session id, when the request was authenticated by the session cookie. */
  consoleSession?: string;
}

export type OperationRequest<Id extends OperationId> = ApiRequest<PathParams<Id>, RequestBody<Id>, QueryParams<Id>>;

/** What a handler answers: a JSON body (none for 204), or bytes of a type; headers as name, value, …. */
export type Reply<Body = unknown> =
  | { status?: number; body?: Body; headers?: readonly string[] }
  | { status?: number; bytes: Buffer; contentType: string; headers?: readonly string[] };

export const ok = <Body>(body: Body): Reply<Body> => ({ body });
export const created = <Body>(body: Body): Reply<Body> => ({ status: 201, body });
export const noContent: Reply<never> = Object.freeze({ status: 204 });

/** Translates HTTP → one use case → the reply. Runs only after authentication and request validation. */
export type Handler<Id extends OperationId> = (
  req: OperationRequest<Id>,
  route: OperationRoute,
) => Reply<SuccessBody<Id>> | Promise<Reply<SuccessBody<Id>>>;

export type OperationHandlers = { [Id in OperationId]: Handler<Id> };

/** A handler with its operation's types erased, for the dispatch table (validation has checked the request). */
// biome-ignore lint/suspicious/noExplicitAny: the erasure point of the per-operation request types.
type MountedHandler = (req: ApiRequest<any, any, any>, route: OperationRoute) => Reply | Promise<Reply>;

export interface MountedOperation {
  handler: MountedHandler;
  /** The path template with a named group per path parameter; none when it has no parameters. */
  params?: RegExp;
  request: RequestValidator;
  /** Checks every JSON answer of the operation against the contract (tests). */
  response?: ResponseCheck;
}

/**
 * Every contract operation with its handler, path parameters, compiled request validator and (tests) response
 * check, built at start. Throws unless every operation has exactly one handler.
 */
export function mountOperations(
  contract: Contract,
  handlers: OperationHandlers,
  options: { validateResponses?: boolean },
): Map<OperationRoute, MountedOperation> {
  const byId = new Map<string, MountedHandler>(Object.entries(handlers));
  const problems = disagreements(contract, byId);
  if (problems.length > 0) {
    throw new Error(`The contract and the handlers disagree: ${problems.join("; ")}.`);
  }

  const validators = compileRequestValidators(contract);
  const responseChecks = options.validateResponses ? compileResponseChecks(contract) : undefined;
  const table = new Map<OperationRoute, MountedOperation>();
  for (const route of contract.operations) {
    const handler = byId.get(route.operationId);
    const request = validators.get(route);
    const response = responseChecks?.get(route);
    if (handler && request) {
      table.set(route, { handler, request, ...(response && { response }), ...paramsOf(route.template) });
    }
  }
  return table;
}

/** Operations without a handler, handlers without an operation, and operationIds used twice. */
function disagreements(contract: Contract, handlers: ReadonlyMap<string, unknown>): string[] {
  const ids = contract.operations.map((route) => route.operationId);
  const declared = new Set(ids);
  return [
    ...ids.filter((id) => !handlers.has(id)).map((id) => `operation ${id} has no handler`),
    ...[...handlers.keys()]
      .filter((id) => !declared.has(id))
      .map((id) => `handler ${id} has no operation in ${contract.path}`),
    ...ids
      .filter((id, index) => ids.indexOf(id) !== index)
      .map((id) => `operationId ${id} is used by more than one operation`),
  ];
}

function paramsOf(template: string): Pick<MountedOperation, "params"> {
  if (!template.includes("{")) {
    return {};
  }
  return { params: new RegExp(`^${template.replace(/\{([^}]+)\}/g, "(?<$1>[^/]+)")}$`) };
}

/** Decoded as Express decodes them; a malformed escape (`%E0%A4%A`) is a 400. */
export function pathParams(pattern: RegExp | undefined, path: string): Record<string, string> {
  const params = pattern?.exec(path)?.groups ?? {};
  try {
    for (const name in params) {
      params[name] = decodeURIComponent(params[name] ?? "");
    }
  } catch {
    throw new RequestRejected(400, "malformed uri'", [{ path, message: "malformed uri'" }]);
  }
  return params;
}
