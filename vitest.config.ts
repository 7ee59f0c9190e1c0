// Tiers, by file name: every `*.test.ts` runs in-process (`npm run test:unit`); `*.e2e.test.ts` uses real processes
// (child servers, CLIs, schemathesis, PostgreSQL, Chromium) after the tool set-up; `*.postgres.test.ts` and the
// system suites in BOTH_STORES run again on a throwaway PostgreSQL. `npm run test:e2e` runs the last two.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Tests run the TypeScript sources of the packages they exercise, never a dist/ that may be stale: each entry point
 * of these packages resolves to its source file (./dist/x.js → ./src/x.ts).
 */
function sourceAliases(...packages: string[]): { find: RegExp; replacement: string }[] {
  return packages.flatMap((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as {
      name: string;
      exports: Record<string, string | { default?: string }>;
    };
    return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
      const file = typeof target === "string" ? target : target.default;
      if (!file?.startsWith("./dist/")) {
        return [];
      }
      const specifier = `${manifest.name}${subpath.slice(1)}`.replaceAll("/", "\\/");
      return [{ find: new RegExp(`^${specifier}$`), replacement: join(root, "packages", dir, sourceOf(file)) }];
    });
  });
}

/** ./dist/x.js → src/x.ts; the provider's packaging (./dist/build/x.js) is compiled from its own build/x.ts. */
function sourceOf(distFile: string): string {
  const source = distFile.startsWith("./dist/build/")
    ? distFile.replace(/^\.\/dist\//, "")
    : distFile.replace(/^\.\/dist\//, "src/");
  return source.replace(/\.js$/, ".ts");
}

/** The system suites that run a second time on PostgreSQL (each harness or child server gets a fresh database). */
const BOTH_STORES = [
  "packages/server/test/integration-scenarios.test.ts",
  "packages/server/test/bad-input.test.ts",
  "packages/server/test/abuse.e2e.test.ts",
  "packages/server/test/concurrency.test.ts",
  "packages/server/test/crash-safety.e2e.test.ts",
  "packages/server/test/contract-fuzz.e2e.test.ts",
  "packages/server/test/authentication.test.ts",
  "packages/server/test/key-lifecycle.test.ts",
  "packages/server/test/user-rules.test.ts",
  "packages/server/test/permissions.test.ts",
  "packages/server/test/retention.test.ts",
  "packages/server/test/management-tokens.test.ts",
  "packages/server/test/authorization-before-validation.test.ts",
];

export default defineConfig({
  resolve: { alias: sourceAliases("testkit", "server", "tfplugin", "provider", "access-plan") },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["packages/testkit/src/vitest/scratch-tmpdir.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "**/*.e2e.test.ts", "**/*.postgres.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["packages/*/test/**/*.e2e.test.ts"],
          globalSetup: ["packages/testkit/src/vitest/e2e-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: [...BOTH_STORES, "packages/*/test/**/*.postgres.test.ts"],
          env: { KEYWARD_TEST_STORE: "postgres" },
          globalSetup: ["packages/testkit/src/vitest/postgres-setup.ts"],
        },
      },
    ],
  },
});
