import { defineConfig } from "vitest/config";

/** The system suites that run a second time on PostgreSQL (each harness or child server gets a fresh database). */
const BOTH_STORES = [
  "packages/server/test/integration-scenarios.test.ts",
  "packages/server/test/bad-input.test.ts",
  "packages/server/test/abuse.test.ts",
  "packages/server/test/concurrency.test.ts",
  "packages/server/test/authentication.test.ts",
  "packages/server/test/key-lifecycle.test.ts",
  "packages/server/test/user-rules.test.ts",
  "packages/server/test/permissions.test.ts",
  "packages/server/test/retention.test.ts",
  "packages/server/test/management-tokens.test.ts",
  "packages/server/test/authorization-before-validation.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A throwaway PostgreSQL for the PostgreSQL-backed suites (started once, reused by later runs).
    globalSetup: ["packages/testkit/src/postgres.ts"],
    projects: [
      { extends: true, test: { name: "default", include: ["packages/*/test/**/*.test.ts"] } },
      { extends: true, test: { name: "postgres", include: BOTH_STORES, env: { KEYWARD_TEST_STORE: "postgres" } } },
    ],
  },
});
