import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { descriptorModulePath, renderProtoDescriptor } from "../src/proto-descriptor.js";

describe("embedded proto descriptor", () => {
  it("matches packages/tfplugin/proto/*.proto (regenerate with npm run generate)", async () => {
    expect(readFileSync(descriptorModulePath, "utf8")).toBe(await renderProtoDescriptor());
  });
});
