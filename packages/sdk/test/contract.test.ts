// Keeps the hand-written parts of the SDK in step with their sources.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SDK_VERSION } from "../src/index.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("contract alignment", () => {
  it("reports the package version in X-Keyward-Client", () => {
    const pkg = JSON.parse(read("../package.json")) as { version: string };
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
