// What the package ships besides code: one root type per component schema, and openapi.yaml itself.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const shippedContract = createRequire(import.meta.url).resolve("@keyward/contract/openapi.yaml");

describe("@keyward/contract", () => {
  it("gives every component schema a root type of the same name", () => {
    const contract = parse(readFileSync(shippedContract, "utf8")) as {
      components: { schemas: Record<string, unknown> };
    };
    const names = Object.keys(contract.components.schemas);
    expect(names).toContain("ApiKey");
    const generated = readFileSync(join(packageDir, "src/generated/schema.ts"), "utf8");
    const aliased = new Set(
      [...generated.matchAll(/^export type (\w+) = components\['schemas'\]\['\1'\];$/gm)].map((m) => m[1]),
    );
    expect(names.filter((name) => !aliased.has(name))).toEqual([]);
  });

  it("ships openapi.yaml, resolvable as @keyward/contract/openapi.yaml, the same as the repository's", () => {
    const shipped = readFileSync(shippedContract, "utf8");
    expect(shipped).toBe(readFileSync(join(packageDir, "../../openapi.yaml"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("openapi.yaml");
  });
});
