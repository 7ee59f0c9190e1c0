// The contract operations, served straight from node:http (docs/decisions/0009-contract-operations-without-express.md):
// authentication (from the operation's security, with the failed-authentication limit) → JSON body → path
// parameters → request validation → the operation's handler → its reply, written with one `writeHead`. Express's
// per-request work (prototype swaps, router, `res.json` → `res.send` → ETag) cost more than all of this together.
import type { IncomingMessage, ServerResponse } from "node:http";
import bodyParser from "body-parser";
import type { Logger } from "pino";
import type { AuthenticatedRequest } from "./auth.js";
import { clientIp, isSecure } from "./client-address.js";
import type { OperationRoute } from "./contract.js";
import { type ApiRequest, type MountedOperation, pathParams, type Reply } from "./operations.js";
import { PROBLEM_TYPE, type ProblemInit, problemFor, problemReply, sendInternalError } from "./problem.js";
import { JSON_TYPE, writeBytes, writeEmpty, writeJson } from "./respond.js";

/** The request as the edge (app.ts) already read it: its operation, undecoded path and query, response headers. */
export interface MatchedRequest {
  route: OperationRoute;
  path: string;
  rawQuery: string | null;
  /** Security and CORS headers every answer carries (name, value, …). */
  headers: readonly string[];
}

export interface ApiListenerOptions {
  operations: ReadonlyMap<OperationRoute, MountedOperation>;
  authenticate: (req: AuthenticatedRequest) => Promise<ProblemInit | undefined>;
  trust: (address: string, hop: number) => boolean;
  bodyLimit: string;
  logger: Logger;
}

/** Serves a request matched to a contract operation; resolves once it is answered (never rejects). */
export function apiListener(
  options: ApiListenerOptions,
): (req: IncomingMessage, res: ServerResponse, matched: MatchedRequest) => Promise<number> {
  const { operations, authenticate, trust, logger } = options;
  const parseJson = bodyParser.json({
    limit: options.bodyLimit,
    strict: true,
    type: ["application/json", "application/*+json"],
  });
  /** The parsed body; not even entered by a request without one (most of them: GETs, DELETEs). */
  const readBody = (req: IncomingMessage, res: ServerResponse) =>
    new Promise<unknown>((resolve, reject) =>
      parseJson(req, res, (error?: unknown) => (error ? reject(error) : resolve((req as { body?: unknown }).body))),
    );

  return async (req, res, matched) => {
    const mounted = operations.get(matched.route) as MountedOperation;
    const request = new ContractRequest(req, matched, trust);
    /** Writes the answer (checked against the contract in tests); returns its status, for the request log. */
    const answer = (reply: Reply): number => {
      const status = reply.status ?? 200;
      const headers = reply.headers ? [...matched.headers, ...reply.headers] : matched.headers;
      if ("bytes" in reply) {
        writeBytes(res, status, reply.bytes, reply.contentType, headers);
        return status;
      }
      if (reply.body === undefined) {
        writeEmpty(res, status, headers);
        return status;
      }
      const violation = mounted.response?.(status, JSON_TYPE, reply.body);
      if (violation) {
        return internalError(new Error(`response ${status} does not match the contract: ${violation}`));
      }
      writeJson(res, status, reply.body, JSON_TYPE, headers);
      return status;
    };
    const answerProblem = (problem: ProblemInit): number => {
      const { status, body, headers } = problemReply(problem);
      const violation = mounted.response?.(status, PROBLEM_TYPE, body);
      if (violation) {
        return internalError(new Error(`response ${status} does not match the contract: ${violation}`));
      }
      writeJson(res, status, body, PROBLEM_TYPE, [...matched.headers, ...headers]);
      return status;
    };
    const internalError = (error: unknown): number => {
      sendInternalError(request, res, logger, error, matched.headers);
      return 500;
    };

    try {
      const refusal = await authenticate(request);
      if (refusal) {
        return answerProblem(refusal);
      }
      if (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined) {
        request.body = await readBody(req, res);
      }
      request.params = pathParams(mounted.params, request.path);
      request.query = mounted.request.validate({
        url: req.url ?? "",
        rawQuery: matched.rawQuery,
        headers: req.headers,
        params: request.params,
        body: request.body,
      });
      return answer(await mounted.handler(request, matched.route));
    } catch (error) {
      if (res.headersSent) {
        logger.error({ err: error, method: request.method, path: request.path }, "error after the answer started");
        return res.statusCode;
      }
      const problem = problemFor(error, request);
      return problem ? answerProblem(problem) : internalError(error);
    }
  };
}

/** A contract operation's request; the client address and scheme are read when first asked for. */
class ContractRequest implements ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly operation: OperationRoute;
  params: Record<string, string> = {};
  query: Record<string, unknown> = {};
  body: unknown = undefined;
  principal?: ApiRequest["principal"];
  granted?: ApiRequest["granted"];
  consoleSession?: string;
  #ip?: { value: string | undefined };

  constructor(
    private readonly raw: IncomingMessage,
    matched: MatchedRequest,
    private readonly trust: (address: string, hop: number) => boolean,
  ) {
    this.method = raw.method ?? "GET";
    this.path = matched.path;
    this.headers = raw.headers;
    this.operation = matched.route;
  }

  get ip(): string | undefined {
    this.#ip ??= { value: clientIp(this.raw, this.trust) };
    return this.#ip.value;
  }

  get secure(): boolean {
    return isSecure(this.raw, this.trust);
  }
}
