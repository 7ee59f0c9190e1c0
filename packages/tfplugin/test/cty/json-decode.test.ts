import { describe, expect, it } from "vitest";
import { type CtyType, type CtyValue, cty, Decimal, Dynamic, decodeJson } from "../../src/index.js";

const state = cty.object({
  id: cty.string,
  big: cty.number,
  ratio: cty.number,
  precise: cty.number,
  tags: cty.set(cty.string),
  rules: cty.list(cty.object({ port: cty.number })),
  extra: cty.dynamic,
  missing: cty.bool,
});

const cases: Record<string, { given: string; type: CtyType; want: CtyValue }> = {
  "raw state with big numbers, sets, dynamic and a missing attribute": {
    given:
      '{"id":"a\\"b","big":12345678901234567890,"ratio":1.25,"precise":0.30000000000000000001,"tags":["x"],' +
      '"rules":[{"port":443}],"extra":{"value":["s"],"type":["list","string"]},"dropped":1}',
    type: state,
    want: {
      id: 'a"b',
      big: 12345678901234567890n,
      ratio: 1.25,
      precise: new Decimal("0.30000000000000000001"),
      tags: ["x"],
      rules: [{ port: 443 }],
      extra: new Dynamic(cty.list(cty.string), ["s"]),
      missing: null,
    },
  },
  null: { given: "null", type: state, want: null },
  "exponent notation": { given: "1e3", type: cty.number, want: 1000 },
  "whitespace and unicode escapes": { given: ' [ "\\u00e9" , "b" ] ', type: cty.list(cty.string), want: ["é", "b"] },
};

describe("JSON state decoding", () => {
  for (const [name, { given, type, want }] of Object.entries(cases)) {
    it(`decodes ${name}`, () => {
      expect(decodeJson(given, type)).toEqual(want);
    });
  }

  it("rejects malformed JSON", () => {
    expect(() => decodeJson('{"id":', state)).toThrow(/invalid JSON/);
  });
});
