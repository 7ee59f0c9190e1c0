import { describe, expect, it } from "vitest";
import { cty } from "../../src/index.js";
import { schemaToProto } from "../../src/protocol/internal/convert-schema.js";
import type { ProtoSchema, ProtoSchemaBlock } from "../../src/protocol/internal/proto-types.js";
import type { Schema } from "../../src/protocol/schema.js";

const flags = {
  description: "",
  description_kind: "PLAIN",
  required: false,
  optional: false,
  computed: false,
  sensitive: false,
  deprecated: false,
  write_only: false,
} as const;
const block: Omit<ProtoSchemaBlock, "version"> = {
  attributes: [],
  block_types: [],
  description: "",
  description_kind: "PLAIN",
  deprecated: false,
};

const cases: Record<string, { given: Schema; want: ProtoSchema }> = {
  "typed attribute with markdown description": {
    given: {
      version: 2,
      block: {
        attributes: [
          { name: "tags", type: cty.set(cty.string), optional: true, description: "*t*", descriptionKind: "markdown" },
        ],
        blockTypes: [],
      },
    },
    want: {
      version: 2,
      block: {
        ...block,
        version: 2,
        attributes: [
          {
            ...flags,
            name: "tags",
            type: new TextEncoder().encode('["set","string"]'),
            optional: true,
            description: "*t*",
            description_kind: "MARKDOWN",
          },
        ],
      },
    },
  },
  "nested attribute and nested block": {
    given: {
      version: 0,
      block: {
        attributes: [
          {
            name: "s",
            nestedType: { nesting: "list", attributes: [{ name: "a", type: cty.string, computed: true }] },
            required: true,
          },
        ],
        blockTypes: [{ typeName: "rule", nesting: "set", maxItems: 3, block: { attributes: [], blockTypes: [] } }],
      },
    },
    want: {
      version: 0,
      block: {
        ...block,
        version: 0,
        attributes: [
          {
            ...flags,
            name: "s",
            nested_type: {
              nesting: "LIST",
              attributes: [{ ...flags, name: "a", type: new TextEncoder().encode('"string"'), computed: true }],
            },
            required: true,
          },
        ],
        block_types: [
          { type_name: "rule", nesting: "SET", min_items: 0, max_items: 3, block: { ...block, version: 0 } },
        ],
      },
    },
  },
};

cases["write-only sensitive attribute"] = {
  given: {
    version: 0,
    block: {
      attributes: [{ name: "token_wo", type: cty.string, optional: true, sensitive: true, writeOnly: true }],
      blockTypes: [],
    },
  },
  want: {
    version: 0,
    block: {
      ...block,
      version: 0,
      attributes: [
        {
          ...flags,
          name: "token_wo",
          type: new TextEncoder().encode('"string"'),
          optional: true,
          sensitive: true,
          write_only: true,
        },
      ],
    },
  },
};

describe("schema conversion", () => {
  for (const [name, { given, want }] of Object.entries(cases)) {
    it(`converts ${name}`, () => {
      expect(schemaToProto(given)).toEqual(want);
    });
  }
});
