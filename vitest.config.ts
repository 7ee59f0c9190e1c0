// Two tiers, by file name: `*.e2e.test.ts` uses real processes (child servers, CLIs, schemathesis, bundled plugins)
// and runs after the tool set-up; every other `*.test.ts` runs in-process. `npm run test:unit` / `npm run test:e2e`.
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
      if (!file?.startsWith("./dist/")) return [];
      const specifier = `${manifest.name}${subpath.slice(1)}`.replaceAll("/", "\\/");
      return [{ find: new RegExp(`^${specifier}$`), replacement: join(root, "packages", dir, file.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts")) }];
    });
  });
}

export default defineConfig({
  resolve: { alias: sourceAliases("testkit", "server", "tfplugin") },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["packages/*/test/**/*.test.ts"], exclude: [...configDefaults.exclude, "**/*.e2e.test.ts"] },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["packages/*/test/**/*.e2e.test.ts"], globalSetup: ["packages/testkit/src/vitest/e2e-setup.ts"] },
      },
    ],
  },
});
