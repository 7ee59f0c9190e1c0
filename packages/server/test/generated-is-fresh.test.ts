// Generated code is regenerated, never hand-edited: `npm run generate` must leave the tree unchanged.
import { describe, expect, it } from "vitest";
import { staleFiles } from "../../../scripts/generators.mjs";

describe("generated files", () => {
  it("match what `npm run generate` produces from openapi.yaml", async () => {
    expect(await staleFiles()).toEqual([]);
  });
});
