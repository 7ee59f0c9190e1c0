// The Express application: security headers → CORS → the contract operation a request is for (else 405 for
// an undeclared method) → auth (from the contract's security, with the failed-authentication limit) → JSON
// body → that operation's dispatch (request validation, then its handler) → problem+json errors.
import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import type { Catalog } from "../domain/catalog.js";
import type { Keyward } from "../domain/keyward.js";
import { authenticate } from "./auth.js";
import { AuthFailureLimiter, type AuthFailureLimitOptions, DEFAULT_AUTH_FAILURE_LIMIT } from "./auth-failure-limit.js";
import { consoleRoutes } from "./console-assets.js";
import { ConsoleSessions } from "./console-session.js";
import type { Contract } from "./contract.js";
import { cors } from "./cors.js";
import { docsRoutes } from "./docs.js";
import { methodGuard } from "./method-guard.js";
import { operationDispatch } from "./operations.js";
import { errorHandler, sendProblem } from "./problem.js";
import { requestLog } from "./request-log.js";
import { businessHandlers } from "./routes/business.js";
import { consoleSessionHandlers } from "./routes/console-session.js";
import { introspectionHandlers } from "./routes/introspection.js";
import { managementHandlers } from "./routes/management.js";
import { managementTokenHandlers } from "./routes/management-tokens.js";
import { securityHeaders } from "./security-headers.js";

export interface AppOptions {
  contract: Contract;
  catalog: Catalog;
  keyward: Keyward;
  logger: Logger;
  /** Validate every response against the contract (tests turn it on). */
  validateResponses?: boolean;
  /** Express `trust proxy` setting, for client IPs behind a reverse proxy. */
  trustProxy?: boolean | string | number;
  bodyLimit?: string;
  /** Failed authentications allowed per client address and window (default 20 a minute; max 0 = off). */
  authFailureLimit?: AuthFailureLimitOptions;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  /**
   * Benchmarks only (never exposed by the bin or the environment): `false` serves the business API
   * without authentication or authorization, to measure what enforcement costs.
   */
  enforcement?: boolean;
}

export function createApp(options: AppOptions): Express {
  const { contract, keyward, logger } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  app.set("query parser", "simple");

  const enforcement = options.enforcement ?? true;
  const limiter = new AuthFailureLimiter(options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT);
  const sessions = new ConsoleSessions(() => keyward.clock().getTime());
  const handlers = {
    ...introspectionHandlers(keyward, contract.document.info.version),
    ...consoleSessionHandlers(sessions),
    ...managementHandlers(keyward),
    ...managementTokenHandlers(keyward),
    ...businessHandlers(keyward, options.catalog, enforcement),
  };
  app.use(
    inOneLayer(
      requestLog(logger),
      securityHeaders(),
      cors(options.corsOrigins),
      onPaths(/^\/(?:docs|openapi\.yaml)(?:\/|$)/i, docsRoutes(contract)),
      onPaths(/^\/console(?:\/|$)/i, consoleRoutes()),
      methodGuard(contract),
      authenticate(contract, keyward, { enforcement, limiter, sessions }),
      jsonBody(options.bodyLimit ?? "64kb"),
      operationDispatch(contract, handlers, {
        logger,
        ...(options.validateResponses !== undefined && { validateResponses: options.validateResponses }),
      }),
    ),
  );
  app.use((req, res) => sendProblem(res, { code: "not_found", detail: `No route ${req.method} ${req.path}.` }));
  app.use(errorHandler(logger));
  return app;
}

/**
 * `handler` only for the paths `pattern` matches (a router's pass through its routes costs every API request).
 * Express matches routes ignoring letter case and a trailing slash, so `pattern` must too.
 */
function onPaths(pattern: RegExp, handler: RequestHandler): RequestHandler {
  return (req, res, next) => (pattern.test(req.path) ? handler(req, res, next) : next());
}

/** express.json, not even entered by a request without a body (most of them: GETs, DELETEs). */
function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true, type: ["application/json", "application/*+json"] });
  return (req, res, next) =>
    req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined
      ? next()
      : parse(req, res, next);
}

/**
 * The steps run in order as one Express layer, with Express's semantics (`next(error)` skips to the error
 * handler, a rejected promise is an error): each layer of its router costs every request a pass (bench:auth).
 */
function inOneLayer(...steps: RequestHandler[]): RequestHandler {
  return (req, res, done) => {
    let index = 0;
    const next = (error?: unknown): void => {
      if (error) {
        done(error);
        return;
      }
      const step = steps[index++];
      if (!step) {
        done();
        return;
      }
      try {
        const result: unknown = step(req, res, next);
        if (result instanceof Promise) {
          result.catch((reason: unknown) => next(reason ?? new Error("Rejected promise")));
        }
      } catch (thrown) {
        next(thrown);
      }
    };
    next();
  };
}
