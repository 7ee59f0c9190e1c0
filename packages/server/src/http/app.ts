// The Express application: security headers → CORS → the contract operation a request is for (else 405 for
// an undeclared method) → auth (from the contract's security, with the failed-authentication limit) → JSON
// body → contract validation → that operation's handler → problem+json errors.
import express, { type Express } from "express";
import * as OpenApiValidator from "express-openapi-validator";
import type { Logger } from "pino";
import type { Catalog } from "../domain/catalog.js";
import type { Keyward } from "../domain/keyward.js";
import { authenticate } from "./auth.js";
import { AuthFailureLimiter, type AuthFailureLimitOptions, DEFAULT_AUTH_FAILURE_LIMIT } from "./auth-failure-limit.js";
import { consoleRoutes } from "./console-assets.js";
import { ConsoleSessions } from "./console-session.js";
import { type Contract, matchTemplate } from "./contract.js";
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

  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.use(cors(options.corsOrigins));
  app.use(docsRoutes(contract));
  app.use(consoleRoutes());
  app.use(methodGuard(contract));
  const enforcement = options.enforcement ?? true;
  const limiter = new AuthFailureLimiter(options.authFailureLimit ?? DEFAULT_AUTH_FAILURE_LIMIT);
  const sessions = new ConsoleSessions(() => keyward.clock().getTime());
  app.use(authenticate(contract, keyward, { enforcement, limiter, sessions }));
  app.use(
    express.json({
      limit: options.bodyLimit ?? "64kb",
      strict: true,
      type: ["application/json", "application/*+json"],
    }),
  );
  app.use(
    OpenApiValidator.middleware({
      apiSpec: structuredClone(contract.document) as never,
      validateRequests: { allowUnknownQueryParameters: false },
      validateResponses: options.validateResponses ? { allErrors: true } : false,
      validateSecurity: false,
      validateFormats: true,
      ajvFormats: { mode: "full" },
      // Only requests for one of the contract's paths, matched exactly as the method guard does: the
      // validator's own matching ignores case and a trailing slash, and the rest are 404 anyway.
      ignorePaths: (path: string) => !matchTemplate(contract, path),
    }),
  );
  app.use(
    operationDispatch(contract, {
      ...introspectionHandlers(keyward, contract.document.info.version),
      ...consoleSessionHandlers(sessions),
      ...managementHandlers(keyward),
      ...managementTokenHandlers(keyward),
      ...businessHandlers(keyward, options.catalog, enforcement),
    }),
  );
  app.use((req, res) => sendProblem(res, { code: "not_found", detail: `No route ${req.method} ${req.path}.` }));
  app.use(errorHandler(logger));
  return app;
}
