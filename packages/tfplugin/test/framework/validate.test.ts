import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/framework/validate.js";
import { type AttributeValidator, attr, errorDiagnostic, Unknown } from "../../src/index.js";

const seen: unknown[] = [];
const nonEmpty: AttributeValidator = {
  description: "must not be empty",
  validate: (value, path) => {
    seen.push(value);
    return value === "" ? [errorDiagnostic("Empty value", "must not be empty", path)] : [];
  },
};
const schema = {
  attributes: {
    name: attr.string({ optional: true, validators: [nonEmpty] }),
    items: attr.listNested({ label: attr.string({ optional: true, validators: [nonEmpty] }) }, { optional: true }),
  },
};

describe("config validation", () => {
  it("runs attribute validators with paths, nested ones included", async () => {
    const diagnostics = await validateConfig(
      "x",
      schema,
      { name: "", items: [{ label: "ok" }, { label: "" }] },
      undefined,
    );
    expect(diagnostics.map((d) => d.attributePath)).toEqual([["name"], ["items", 1, "label"]]);
  });

  it("skips unknown and null values", async () => {
    seen.length = 0;
    await validateConfig("x", schema, { name: Unknown, items: null }, undefined);
    expect(seen).toEqual([]);
  });

  it("runs the definition's validate after the attributes pass", async () => {
    const diagnostics = await validateConfig("x", schema, { name: "a", items: null }, (_req, resp) =>
      resp.diagnostics.error("Conflicting settings"),
    );
    expect(diagnostics).toEqual([expect.objectContaining({ summary: "Conflicting settings" })]);
  });
});
