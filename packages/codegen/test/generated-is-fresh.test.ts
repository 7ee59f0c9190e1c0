// Generated code is regenerated, never hand-edited: `npm run generate` must leave the tree unchanged.
import { describe, expect, it } from "vitest";
import { staleFiles } from "../src/generator.js";
import { generators } from "../src/generators.js";

describe("generated files", () => {
  it("match what `npm run generate` produces, with no file left over from an older contract", async () => {
    expect(await staleFiles(generators)).toEqual([]);
  }, 60_000);

  it("come out byte-identical from two runs", async () => {
    for (const generator of generators) {
      expect(await generator.run(), generator.name).toEqual(await generator.run());
    }
  }, 60_000);
});
