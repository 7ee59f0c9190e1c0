// @keyward/testkit: what every package's tests share. Heavier parts have their own entry points:
// "@keyward/testkit/terraform" (CLIs and the provider mirror), "/plugin" (a go-plugin client), "/setup" (the
// tool installation the e2e tier runs first), "/fuzz" (schemathesis against a child server).

export { adminCall, type FullAccessIntegration, fullAccessIntegration } from "./admin.js";
export {
  type ChildExit,
  type ChildServer,
  type ChildServerOptions,
  ensureServerBuilt,
  readAdminToken,
  readListeningUrl,
  serverBin,
  startChildServer,
} from "./child-server.js";
export {
  daysFrom,
  type Harness,
  type HarnessOptions,
  type Integration,
  type IntegrationSpec,
  type PermissionGrant,
  startHarness,
  withIssuedToken,
} from "./harness.js";
export { repoRoot } from "./paths.js";
export { createTestDatabase, type PostgresCluster, startPostgres } from "./postgres.js";
export { storedText, type TestDatabase, testDatabaseFor, testStoreKind } from "./test-store.js";
