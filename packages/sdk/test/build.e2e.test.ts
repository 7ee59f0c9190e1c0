// Checks that need the compiler (run as a child process, hence the e2e tier): the build is browser-safe, and the type
// tests hold.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const sdkDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(sdkDir, "dist");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

function runTsc(...args: string[]): void {
  execFileSync(process.execPath, [tsc, ...args], { cwd: sdkDir, stdio: "pipe" });
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => join(entry.parentPath, entry.name));
}

function importSpecifiers(code: string): string[] {
  return [...code.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? "");
}

const NODE_BUILTINS = new Set(builtinModules);

describe("build", () => {
  beforeAll(() => {
    // Build here so the check reads this source's output, not a stale dist.
    runTsc("-b", sdkDir);
  });

  it("emits dist/index.js", () => {
    expect(readFileSync(join(distDir, "index.js"), "utf8")).toContain("createKeywardClient");
  });

  it("leaves node: imports, Node built-ins and Buffer out of every dist file", () => {
    const files = jsFiles(distDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const code = readFileSync(file, "utf8");
      const nodeImports = importSpecifiers(code).filter((s) => s.startsWith("node:") || NODE_BUILTINS.has(s));
      expect(nodeImports, file).toEqual([]);
      expect(code, file).not.toMatch(/\bBuffer\b/);
    }
  });

  it("type-checks the tests, including the expectTypeOf and @ts-expect-error lines", () => {
    expect(() => runTsc("-p", join(sdkDir, "test"), "--noEmit")).not.toThrow();
  });
});
