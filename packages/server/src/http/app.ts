// The HTTP application. Every request: security headers, CORS (a preflight is answered here), the request log.
// A request for a contract operation is then served by api-listener.ts, straight from node:http; a method the
// contract doesn't declare on a path it knows is 405 with `Allow` (RFC 9110 §15.5.6); the rest (/docs,
// /openapi.yaml, /console, 404s) is Express's.
import { createServer, type RequestListener, type Server } from "node:http";
import express, { type RequestHandler } from "express";
import parseUrl from "parseurl";
import type { Logger } from "pino";
import type { Catalog } from "../domain/catalog.js";
import type { Keyward } from "../domain/keyward.js";
import { apiListener } from "./api-listener.js";
import { authenticate } from "./auth.js";
import { AuthFailureLimiter, type AuthFailureLimitOptions, DEFAULT_AUTH_FAILURE_LIMIT } from "./auth-failure-limit.js";
import { compileTrust, type TrustProxy } from "./client-address.js";
import { consoleRoutes } from "./console-assets.js";
import { ConsoleSessions } from "./console-session.js";
import { allowedMethods, type Contract, matchOperation } from "./contract.js";
import { cors } from "./cors.js";
import { docsRoutes } from "./docs.js";
import { mountOperations } from "./operations.js";
import { errorHandler, sendProblem } from "./problem.js";
import { requestLog } from "./request-log.js";
import { writeEmpty } from "./respond.js";
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
  /** Express's `trust proxy` setting, for client IPs behind a reverse proxy. */
  trustProxy?: TrustProxy;
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

/** The request listener, and `listen` for a server of its own. */
export type App = RequestListener & { listen(port: number, host: string, listening?: () => void): Server };

export function createApp(options: AppOptions): App {
  const { contract, keyward, logger } = options;
  const trustProxy = options.trustProxy ?? false;
  const enforcement = options.enforcement ?? true;
  const sessions = new ConsoleSessions(() => keyward.clock().getTime());
  const serveOperation = apiListener({
    operations: mountOperations(
      contract,
      {
        ...introspectionHandlers(keyward, contract.document.info.version),
        ...consoleSessionHandlers(sessions),
        ...managementHandlers(keyward),
        ...managementTokenHandlers(keyward),
        ...businessHandlers(keyward, options.catalog, enforcement),
      },
      { ...(options.validateResponses !== undefined && { validateResponses: options.validateResponses }) },
    ),
    authenticate: authenticate(keyward, {
      enforcement,
      limiter: new AuthFailureLimiter(options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT),
      sessions,
    }),
    trust: compileTrust(trustProxy),
    bodyLimit: options.bodyLimit ?? "64kb",
    logger,
  });
  const others = expressApp(contract, trustProxy, logger);
  const corsOf = cors(options.corsOrigins);
  const log = requestLog(logger);

  const listener: RequestListener = (req, res) => {
    const started = process.hrtime.bigint();
    const url = parseUrl(req);
    const path = url?.pathname ?? "/";
    const corsDecision = corsOf(req);
    const security = securityHeaders(path);
    const headers = corsDecision.headers.length > 0 ? [...security, ...corsDecision.headers] : security;
    if (corsDecision.preflight === "allowed") {
      writeEmpty(res, 204, headers);
      return log(req.method, path, 204, started);
    }
    if (corsDecision.preflight) {
      sendProblem(res, corsDecision.preflight, headers);
      return log(req.method, path, res.statusCode, started);
    }
    const route = matchOperation(contract, req.method ?? "", path);
    if (route) {
      const rawQuery = typeof url?.query === "string" ? url.query : null;
      void serveOperation(req, res, { route, path, rawQuery, headers }).then(
        (status) => log(req.method, path, status, started),
        // It answers every error itself; this is only so that a bug there can't end the process.
        (error: unknown) => logger.error({ err: error, method: req.method, path }, "unhandled error"),
      );
      return;
    }
    const allowed = allowedMethods(contract, path);
    if (allowed.length > 0) {
      sendProblem(
        res,
        {
          code: "method_not_allowed",
          detail: `${req.method} is not allowed on ${path}; use ${allowed.join(", ")}.`,
          headers: ["Allow", allowed.join(", ")],
        },
        headers,
      );
      return log(req.method, path, res.statusCode, started);
    }
    for (let index = 0; index < headers.length; index += 2) {
      res.setHeader(headers[index] as string, headers[index + 1] as string);
    }
    res.once("finish", () => log(req.method, path, res.statusCode, started));
    others(req, res);
  };
  return Object.assign(listener, {
    listen: (port: number, host: string, listening?: () => void) =>
      createServer(listener).listen(port, host, listening),
  });
}

/** /docs, /openapi.yaml and /console; 404 problem for anything else. */
function expressApp(contract: Contract, trustProxy: TrustProxy, logger: Logger) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.set("query parser", "simple");
  app.use(onPaths(/^\/(?:docs|openapi\.yaml)(?:\/|$)/i, docsRoutes(contract)));
  app.use(onPaths(/^\/console(?:\/|$)/i, consoleRoutes()));
  app.use((req, res) => sendProblem(res, { code: "not_found", detail: `No route ${req.method} ${req.path}.` }));
  app.use(errorHandler(logger));
  return app;
}

/**
 * `handler` only for the paths `pattern` matches. Express matches routes ignoring letter case and a trailing
 * slash, so `pattern` must too.
 */
function onPaths(pattern: RegExp, handler: RequestHandler): RequestHandler {
  return (req, res, next) => (pattern.test(req.path) ? handler(req, res, next) : next());
}
