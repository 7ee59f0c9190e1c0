// Keeps the hand-listed parts of the SDK in step with their sources.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SDK_VERSION } from "../src/index.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

/** The names under `components.schemas` in the generated types (openapi.yaml, one step removed). */
function generatedSchemaNames(): string[] {
  const source = read("../src/generated/schema.ts");
  const block = source.slice(source.indexOf("\n    schemas: {"), source.indexOf("\n    responses: {"));
  return [...block.matchAll(/^ {8}(\w+): /gm)].map((m) => m[1] ?? "");
}

describe("contract alignment", () => {
  it("gives every component schema a friendly alias in schema.ts", () => {
    const names = generatedSchemaNames();
    expect(names).toContain("ApiKey");
    const aliases = read("../src/schema.ts").matchAll(/^export type (\w+) = Schemas\["\1"\];$/gm);
    const aliased = new Set([...aliases].map((m) => m[1]));
    expect(names.filter((name) => !aliased.has(name))).toEqual([]);
  });

  it("reports the package version in X-Keyward-Client", () => {
    const pkg = JSON.parse(read("../package.json")) as { version: string };
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
