// The build is browser-safe: no Node-only import anywhere in dist (the main entry runs in a browser).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(packageDir, "dist");
const NODE_BUILTINS = new Set(builtinModules);

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => join(entry.parentPath, entry.name));
}

const importSpecifiers = (code: string): string[] =>
  [...code.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");

describe("@keyward/contract build", () => {
  beforeAll(() => {
    // Build here so the check reads this source's output, not a stale dist.
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-b", packageDir], { stdio: "pipe" });
  });

  it("leaves node: imports, Node built-ins and Buffer out of every dist file", () => {
    const files = jsFiles(distDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const code = readFileSync(file, "utf8");
      expect(
        importSpecifiers(code).filter((s) => s.startsWith("node:") || NODE_BUILTINS.has(s)),
        file,
      ).toEqual([]);
      expect(code, file).not.toMatch(/\bBuffer\b/);
    }
  });
});
