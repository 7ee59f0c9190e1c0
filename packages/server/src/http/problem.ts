// The only place that knows HTTP statuses: domain codes map to statuses here, and every error
// leaves the server as RFC 9457 problem+json with a stable `code`.
import type { ServerResponse } from "node:http";
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { KeywardError } from "../domain/errors.js";
import type { FieldError, ProblemCode } from "../domain/types.js";
import { writeJson } from "./respond.js";

const STATUS: Record<ProblemCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_found: 404,
  method_not_allowed: 405,
  missing_token: 401,
  malformed_token: 401,
  invalid_token: 401,
  key_revoked: 409,
  key_expired: 401,
  key_disabled: 401,
  owner_inactive: 401,
  ip_not_allowed: 401,
  feature_disabled: 402,
  permission_denied: 403,
  field_not_allowed: 403,
  admin_required: 403,
  integration_key_required: 403,
  username_taken: 409,
  token_in_use: 409,
  token_checksum_mismatch: 422,
  role_name_taken: 409,
  integration_user_cannot_be_admin: 409,
  user_is_admin: 409,
  user_owns_keys: 409,
  role_in_use: 409,
  unknown_role: 422,
  unknown_user: 422,
  last_admin: 409,
  cors_origin_not_allowed: 403,
  csrf_token_invalid: 403,
  invalid_permissions: 422,
  expiry_in_past: 422,
  expiry_beyond_policy: 422,
  invalid_cidr: 422,
  rate_limited: 429,
  internal_error: 500,
  store_unavailable: 503,
  scope_missing: 403,
  scope_escalation: 403,
  last_manage_token: 409,
  token_revoked: 409,
  user_not_admin: 422,
};

const TITLE: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  402: "Payment required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export interface ProblemInit {
  code: ProblemCode;
  detail: string;
  status?: number;
  errors?: FieldError[] | undefined;
  extra?: Record<string, unknown> | undefined;
  /** Response headers it needs (`WWW-Authenticate`, `Allow`, …), as name, value, name, value. */
  headers?: readonly string[] | undefined;
}

export const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

/** Answers `problem`, after `headers` (name, value, …: the security headers every answer carries). */
export function sendProblem(res: ServerResponse, problem: ProblemInit, headers: readonly string[] = []): void {
  const reply = problemReply(problem);
  writeJson(res, reply.status, reply.body, PROBLEM_TYPE, [...headers, ...reply.headers]);
}

/** A problem's status, RFC 9457 body and the headers it needs. */
export function problemReply(problem: ProblemInit): { status: number; body: object; headers: readonly string[] } {
  const status = problem.status ?? STATUS[problem.code];
  return {
    status,
    body: {
      type: `https://keyward.dev/problems/${problem.code}`,
      title: TITLE[status] ?? "Error",
      status,
      detail: problem.detail,
      code: problem.code,
      ...(problem.errors && { errors: problem.errors }),
      ...problem.extra,
    },
    // The store is down or this replica is behind: worth retrying soon.
    headers: status === 503 ? [...(problem.headers ?? []), "Retry-After", "1"] : (problem.headers ?? []),
  };
}

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
  errors?: Array<{ path?: string; message?: string }>;
}

/** The request as an error's problem names it. */
export interface ProblemRequest {
  method?: string | undefined;
  path: string;
  headers: { "content-type"?: string | undefined };
}

/** The problem anything thrown is for; undefined for a bug (a 500). Client mistakes are never 5xx. */
export function problemFor(error: unknown, req: ProblemRequest): ProblemInit | undefined {
  if (error instanceof KeywardError) {
    // `key_revoked` is a 409 for management (changing a revoked key), a 401 only when authenticating.
    return { code: error.code, detail: error.message, errors: error.errors, extra: error.extra };
  }
  const e = (error ?? {}) as HttpishError;
  const status = e.status ?? e.statusCode ?? 500;
  if (e.type === "entity.parse.failed") {
    return { code: "invalid_json", detail: "The body is not valid JSON." };
  }
  if (e.type === "entity.too.large" || status === 413) {
    return { code: "payload_too_large", detail: "The body is too large." };
  }
  if (e.type === "encoding.unsupported" || e.type === "charset.unsupported" || status === 415) {
    const sent = req.headers["content-type"];
    const detail = sent
      ? `The body must be application/json, not ${sent}.`
      : "This request needs a JSON body sent with Content-Type: application/json.";
    return { code: "unsupported_media_type", detail, status: 415 };
  }
  if (status === 404) {
    return { code: "not_found", detail: `No route ${req.method} ${req.path}.` };
  }
  if (status === 405) {
    return { code: "method_not_allowed", detail: `${req.method} is not allowed on ${req.path}.` };
  }
  if (status >= 400 && status < 500) {
    const errors = (e.errors ?? []).map((item) => ({
      path: item.path ?? "",
      message: readable(item.message ?? "is invalid"),
    }));
    const detail =
      errors.length > 0
        ? errors.map((item) => `${item.path} ${item.message}`).join("; ")
        : (e.message ?? "Bad request.");
    return { code: "validation_failed", detail, errors, status: 400 };
  }
  return undefined;
}

/** Errors of the routes Express serves (/docs, /console) as problems. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      return;
    }
    const problem = problemFor(error, req);
    if (problem) {
      return sendProblem(res, problem);
    }
    sendInternalError(req, res, logger, error);
  };
}

/** A bug, not the client's mistake: logged with what went wrong, answered 500 without the details. */
export function sendInternalError(
  req: { method?: string | undefined; path: string },
  res: ServerResponse,
  logger: Logger,
  error: unknown,
  headers: readonly string[] = [],
): void {
  logger.error({ err: error, method: req.method, path: req.path }, "unhandled error");
  sendProblem(res, INTERNAL_ERROR, headers);
}

const INTERNAL_ERROR: ProblemInit = {
  code: "internal_error",
  detail: "An internal error occurred; it was logged.",
};

/** ajv's wording for a property a `oneOf` branch forbids (`preset: false`), said the way a caller needs it. */
function readable(message: string): string {
  return message === "boolean schema is false"
    ? "is not allowed together with the fields given (see the schema's oneOf)"
    : message;
}
