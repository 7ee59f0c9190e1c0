import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM generator script without type declarations
import { descriptorModulePath, renderProtoDescriptor } from "../../scripts/generate-proto-descriptor.mjs";

describe("embedded proto descriptor", () => {
  it("matches proto/*.proto (regenerate with scripts/generate-proto-descriptor.mjs)", () => {
    expect(readFileSync(descriptorModulePath as string, "utf8")).toBe(renderProtoDescriptor());
  });
});
