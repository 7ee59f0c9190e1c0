import { decode, ExtData, encode } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import {
  type CtyType,
  type CtyValue,
  cty,
  Decimal,
  Dynamic,
  decodeMsgpack,
  encodeMsgpack,
  Unknown,
} from "../../src/index.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const fromHex = (text: string) => Uint8Array.from(Buffer.from(text, "hex"));

const nested = cty.object({
  name: cty.string,
  rules: cty.list(cty.object({ port: cty.number, protocol: cty.string })),
  tags: cty.set(cty.string),
  labels: cty.map(cty.string),
  settings: cty.object({ mode: cty.string, on: cty.bool }),
  pair: cty.tuple([cty.string, cty.number]),
});

const roundTrips: Record<string, { type: CtyType; value: CtyValue }> = {
  string: { type: cty.string, value: "héllo" },
  "empty string": { type: cty.string, value: "" },
  bool: { type: cty.bool, value: false },
  "small integer": { type: cty.number, value: 42 },
  "negative integer": { type: cty.number, value: -7 },
  float: { type: cty.number, value: 1.1 },
  "integer beyond 2^53": { type: cty.number, value: 9007199254740993n },
  "integer beyond 2^64": { type: cty.number, value: 123456789012345678901234567890n },
  "negative integer beyond int64": { type: cty.number, value: -(2n ** 70n) },
  "decimal beyond float64": { type: cty.number, value: new Decimal("0.1000000000000000000001") },
  null: { type: cty.string, value: null },
  unknown: { type: cty.string, value: Unknown },
  "list of strings": { type: cty.list(cty.string), value: ["a", "b"] },
  "empty list": { type: cty.list(cty.string), value: [] },
  "set of numbers": { type: cty.set(cty.number), value: [3, 1, 2] },
  "map of bools": { type: cty.map(cty.bool), value: { a: true, b: false } },
  tuple: { type: cty.tuple([cty.string, cty.number]), value: ["x", 1] },
  "list with unknown element": { type: cty.list(cty.string), value: ["a", Unknown] },
  "dynamic string": { type: cty.dynamic, value: new Dynamic(cty.string, "s") },
  "dynamic list": { type: cty.dynamic, value: new Dynamic(cty.list(cty.number), [1, 2]) },
  "dynamic null": { type: cty.dynamic, value: null },
  "nested object": {
    type: nested,
    value: {
      name: "n",
      rules: [{ port: 80, protocol: null }],
      tags: ["x"],
      labels: { env: "dev" },
      settings: { mode: Unknown, on: true },
      pair: ["a", 2],
    },
  },
};

describe("msgpack codec", () => {
  for (const [name, { type, value }] of Object.entries(roundTrips)) {
    it(`round-trips ${name}`, () => {
      expect(decodeMsgpack(encodeMsgpack(value, type), type)).toEqual(value);
    });
  }

  it("encodes unknown as fixext1 type 0 with a zero byte", () => {
    expect(hex(encodeMsgpack(Unknown, cty.string))).toBe("d40000");
  });

  it("decodes refined unknowns (ext 12) as Unknown", () => {
    const refined = encode(new ExtData(12, encode({ 1: false, 2: "pre" })));
    expect(decodeMsgpack(refined, cty.string)).toBe(Unknown);
  });

  it("decodes an empty payload as null", () => {
    expect(decodeMsgpack(new Uint8Array(), nested)).toBeNull();
  });

  it("decodes numbers sent as strings, int64 and float64 without loss", () => {
    expect(decodeMsgpack(encode("18446744073709551616"), cty.number)).toBe(18446744073709551616n);
    expect(decodeMsgpack(fromHex("d3001fffffffffffff"), cty.number)).toBe(9007199254740991);
    expect(decodeMsgpack(fromHex("cf0020000000000001"), cty.number)).toBe(9007199254740993n);
    expect(decodeMsgpack(encode("1.5"), cty.number)).toBe(1.5);
    expect(decodeMsgpack(encode(0.1), cty.number)).toBe(0.1);
  });

  it("encodes integers beyond 64 bits as decimal strings", () => {
    expect(decode(encodeMsgpack(2n ** 64n, cty.number))).toBe("18446744073709551616");
  });

  it("writes every object attribute, null when missing", () => {
    const type = cty.object({ a: cty.string, b: cty.number });
    expect(decode(encodeMsgpack({ a: "x" }, type))).toEqual({ a: "x", b: null });
  });

  it("encodes a dynamic value as [type JSON bytes, value]", () => {
    const [typeBytes, value] = decode(encodeMsgpack(new Dynamic(cty.list(cty.string), ["a"]), cty.dynamic)) as [
      Uint8Array,
      unknown,
    ];
    expect(new TextDecoder().decode(typeBytes)).toBe('["list","string"]');
    expect(value).toEqual(["a"]);
  });

  it("rejects attributes the schema doesn't have", () => {
    expect(() => decodeMsgpack(encode({ a: "x", z: 1 }), cty.object({ a: cty.string }))).toThrow(
      /unsupported attribute/,
    );
  });

  it("rejects values that don't conform to the type", () => {
    expect(() => encodeMsgpack(5, cty.string)).toThrow(/does not conform/);
  });
});
