// The contract's operations, each served by the one handler named by its operationId. A request is matched
// to its operation once, by the method guard (the same match authentication decided on); dispatch is then a
// table lookup built at start, so no route path is written beside openapi.yaml and no second, looser path
// matcher can reach a handler that authentication never saw. The dispatch also validates the request against
// the operation (validators compiled at start), and in tests each JSON response.

// The one import of the generated operation types.
import type { OperationId, operations } from "@keyward/contract";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import type { Contract, OperationRoute } from "./contract.js";
import { sendInternalError } from "./problem.js";
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

export type OperationRequest<Id extends OperationId> = Request<
  PathParams<Id>,
  unknown,
  RequestBody<Id>,
  QueryParams<Id>
>;

/** Translates HTTP → one use case → the response. Runs only after authentication and request validation. */
export type Handler<Id extends OperationId> = (
  req: OperationRequest<Id>,
  res: Response<SuccessBody<Id>>,
  route: OperationRoute,
) => unknown;

export type OperationHandlers = { [Id in OperationId]: Handler<Id> };

/** A handler with its operation's types erased, for the dispatch table (validation has checked the request). */
// biome-ignore lint/suspicious/noExplicitAny: the erasure point of the per-operation request types.
type MountedHandler = (req: Request<any, unknown, any, any>, res: Response, route: OperationRoute) => unknown;

interface Mounted {
  handler: MountedHandler;
  /** The path template with a named group per path parameter; none when it has no parameters. */
  params?: RegExp;
  request: RequestValidator;
  response?: ResponseCheck;
}

export interface DispatchOptions {
  /** Check every JSON response against the contract (tests); a mismatch answers 500 and is logged. */
  validateResponses?: boolean;
  logger: Logger;
}

/**
 * The middleware that runs the operation the request was matched to (`req.operation`), with `req.params`
 * taken from the operation's path template, once the request passed the operation's validation. Throws at
 * start unless every operation has exactly one handler.
 */
export function operationDispatch(
  contract: Contract,
  handlers: OperationHandlers,
  options: DispatchOptions,
): RequestHandler {
  const byId = new Map<string, MountedHandler>(Object.entries(handlers));
  const problems = disagreements(contract, byId);
  if (problems.length > 0) {
    throw new Error(`The contract and the handlers disagree: ${problems.join("; ")}.`);
  }

  const validators = compileRequestValidators(contract);
  const responseChecks = options.validateResponses ? compileResponseChecks(contract) : undefined;
  const table = new Map<OperationRoute, Mounted>();
  for (const route of contract.operations) {
    const handler = byId.get(route.operationId);
    const request = validators.get(route);
    const response = responseChecks?.get(route);
    if (handler && request) {
      table.set(route, { handler, request, ...(response && { response }), ...paramsOf(route.template) });
    }
  }
  return (req, res, next) => {
    const route = req.operation;
    const mounted = route && table.get(route);
    if (!mounted) {
      return next();
    }
    if (mounted.params) {
      req.params = pathParams(mounted.params, req.path);
    }
    mounted.request.validate(req);
    if (mounted.response) {
      checkResponses(req, res, mounted.response, options.logger);
    }
    return mounted.handler(req, res, route);
  };
}

/** Wraps `res.json` so that a body the contract doesn't allow becomes a logged 500 instead. */
function checkResponses(req: Request, res: Response, check: ResponseCheck, logger: Logger): void {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    res.json = json;
    const violation = check(res, body);
    if (!violation) {
      return json(body);
    }
    sendInternalError(
      req,
      res,
      logger,
      new Error(`response ${res.statusCode} does not match the contract: ${violation}`),
    );
    return res;
  };
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

function paramsOf(template: string): Pick<Mounted, "params"> {
  if (!template.includes("{")) {
    return {};
  }
  return { params: new RegExp(`^${template.replace(/\{([^}]+)\}/g, "(?<$1>[^/]+)")}$`) };
}

/** Decoded as Express decodes them; a malformed escape (`%E0%A4%A`) is a 400. */
function pathParams(pattern: RegExp, path: string): Record<string, string> {
  const params = pattern.exec(path)?.groups ?? {};
  try {
    for (const name in params) {
      params[name] = decodeURIComponent(params[name] ?? "");
    }
  } catch {
    throw new RequestRejected(400, "malformed uri'", [{ path, message: "malformed uri'" }]);
  }
  return params;
}
