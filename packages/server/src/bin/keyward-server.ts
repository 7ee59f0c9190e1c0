#!/usr/bin/env node
// keyward-server [--port 8080] [--host 127.0.0.1] [--data ./data/keyward.json] [--seed-demo]
// [--database-url postgres://…] [--max-staleness 30] [--auth-failure-limit 20] [--auth-failure-window 60] [--cors-origins https://a.example,https://b.example]
// keyward-server migrate --database-url postgres://… [--grant-app-role keyward_app]
// Environment: KEYWARD_PORT, KEYWARD_HOST, KEYWARD_DATA, KEYWARD_DATABASE_URL, KEYWARD_MAX_STALENESS, KEYWARD_REPLICA_NAME, KEYWARD_SEED_DEMO=1, KEYWARD_ADMIN_TOKEN,
// KEYWARD_LOG_LEVEL, KEYWARD_TRUST_PROXY, KEYWARD_AUTH_FAILURE_LIMIT, KEYWARD_AUTH_FAILURE_WINDOW, KEYWARD_CORS_ORIGINS.
import { parseArgs } from "node:util";
import { consoleBuild } from "../http/console-assets.js";
import { createLogger, startServer } from "../server.js";
import { runMigrations } from "../storage/postgres/migrate.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "database-url": { type: "string" },
    "max-staleness": { type: "string" },
    "grant-app-role": { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    data: { type: "string" },
    "seed-demo": { type: "boolean" },
    "auth-failure-limit": { type: "string" },
    "auth-failure-window": { type: "string" },
    "cors-origins": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  process.stdout.write(`Usage: keyward-server [--port 8080] [--host 127.0.0.1] [--data ./data/keyward.json] [--seed-demo]
       [--database-url postgres://…] [--max-staleness 30]
       keyward-server migrate --database-url postgres://… [--grant-app-role keyward_app]
Without a database URL the embedded store (one JSON file) is used. With one, any number of replicas share the
database; a replica that can't catch up for --max-staleness seconds answers key verification with 503.
\`migrate\` applies the schema migrations and exits (servers also apply them at start); --grant-app-role gives
that role what the servers need, with the audit log insert-only.
Environment: KEYWARD_PORT, KEYWARD_HOST, KEYWARD_DATA, KEYWARD_SEED_DEMO=1, KEYWARD_ADMIN_TOKEN (kwa_… to install on first start),
KEYWARD_LOG_LEVEL (info), KEYWARD_TRUST_PROXY (Express trust proxy value),
KEYWARD_AUTH_FAILURE_LIMIT (20 failed authentications per address and window; 0 = off), KEYWARD_AUTH_FAILURE_WINDOW (60 s),
KEYWARD_CORS_ORIGINS (comma-separated origins allowed by CORS; none by default),
KEYWARD_DATABASE_URL, KEYWARD_MAX_STALENESS (30 s), KEYWARD_REPLICA_NAME (application_name in pg_stat_activity).
`);
  process.exit(0);
}

const env = process.env;
const logger = createLogger();
const trustProxy = env.KEYWARD_TRUST_PROXY;
const databaseUrl = values["database-url"] ?? env.KEYWARD_DATABASE_URL;

if (positionals.length > 0) {
  try {
    if (positionals[0] !== "migrate") {
      throw new Error(`unknown command "${positionals[0]}"; see keyward-server --help`);
    }
    if (!databaseUrl) {
      throw new Error("migrate needs --database-url or KEYWARD_DATABASE_URL");
    }
    for (const line of await runMigrations(databaseUrl, values["grant-app-role"])) {
      process.stdout.write(`${line}\n`);
    }
    process.exit(0);
  } catch (error) {
    logger.fatal({ err: error }, "keyward-server migrate failed");
    process.exit(1);
  }
}

/** A whole number ≥ min from a flag or the environment, or the default; anything else stops the start. */
function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === "") {
    return fallback;
  }
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, not "${value}"`);
  }
  return number;
}

try {
  const authFailureLimit = {
    max: wholeNumber(
      "KEYWARD_AUTH_FAILURE_LIMIT",
      values["auth-failure-limit"] ?? env.KEYWARD_AUTH_FAILURE_LIMIT,
      20,
      0,
    ),
    windowMs:
      wholeNumber(
        "KEYWARD_AUTH_FAILURE_WINDOW",
        values["auth-failure-window"] ?? env.KEYWARD_AUTH_FAILURE_WINDOW,
        60,
        1,
      ) * 1000,
  };
  const corsOrigins = (values["cors-origins"] ?? env.KEYWARD_CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  const server = await startServer({
    port: Number(values.port ?? env.KEYWARD_PORT ?? 8080),
    host: values.host ?? env.KEYWARD_HOST ?? "127.0.0.1",
    dataFile: values.data ?? env.KEYWARD_DATA ?? "./data/keyward.json",
    ...(databaseUrl && { databaseUrl }),
    ...(env.KEYWARD_REPLICA_NAME && { applicationName: env.KEYWARD_REPLICA_NAME }),
    maxStalenessMs:
      wholeNumber("KEYWARD_MAX_STALENESS", values["max-staleness"] ?? env.KEYWARD_MAX_STALENESS, 30, 1) * 1000,
    seedDemo: values["seed-demo"] ?? env.KEYWARD_SEED_DEMO === "1",
    logger,
    ...(env.KEYWARD_ADMIN_TOKEN && { adminToken: env.KEYWARD_ADMIN_TOKEN }),
    ...(trustProxy !== undefined && { trustProxy: trustProxy === "true" ? true : trustProxy }),
    authFailureLimit,
    corsOrigins,
  });
  if (server.issuedAdminToken) {
    // Shown once, on stdout only (never in the logs): whoever starts the server keeps it.
    process.stdout.write(`Admin token (shown once, keep it safe): ${server.issuedAdminToken}\n`);
  }
  process.stdout.write(`Keyward listening on ${server.url} (API reference: ${server.url}/docs)\n`);
  if ("dist" in consoleBuild()) {
    process.stdout.write(`Admin console: ${server.url}/console (sign in with the admin token)\n`);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
} catch (error) {
  logger.fatal({ err: error }, "keyward-server failed to start");
  process.exitCode = 1;
}
