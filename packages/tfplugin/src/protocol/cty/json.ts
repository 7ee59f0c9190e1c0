import { numberFromText } from "./number.js";
import { type CtyType, typeFromJson } from "./type.js";
import { type CtyObject, type CtyValue, Dynamic, describeType } from "./value.js";

/** A JSON number kept as its source text (JSON.parse would round integers beyond 2^53). */
class JsonNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
type JsonTree = null | boolean | string | JsonNumber | JsonTree[] | { [key: string]: JsonTree };

/** Decodes cty JSON (e.g. `RawState.json` from UpgradeResourceState) typed by the schema, keeping number precision. */
export function decodeJson(text: string, type: CtyType): CtyValue {
  return fromTree(new LosslessJsonParser(text).parseDocument(), type, "");
}

function fromTree(tree: JsonTree, type: CtyType, at: string): CtyValue {
  if (tree === null) {
    return null;
  }
  const fail = (): never => {
    throw new Error(`JSON value at ${at || "root"} does not conform to ${describeType(type)}`);
  };
  switch (type.kind) {
    case "string":
      return typeof tree === "string" ? tree : fail();
    case "bool":
      return typeof tree === "boolean" ? tree : fail();
    case "number":
      return tree instanceof JsonNumber || typeof tree === "string"
        ? numberFromText(typeof tree === "string" ? tree : tree.text)
        : fail();
    case "dynamic": {
      const wrapper = isJsonObject(tree) ? tree : fail();
      const concrete = typeFromJson(toPlain(wrapper.type ?? null));
      return new Dynamic(concrete, fromTree(wrapper.value ?? null, concrete, at));
    }
    case "list":
    case "set":
      return (Array.isArray(tree) ? tree : fail()).map((e, i) => fromTree(e, type.element, `${at}[${i}]`));
    case "tuple":
      return (Array.isArray(tree) ? tree : fail()).map((e, i) =>
        fromTree(e, type.elements[i] ?? fail(), `${at}[${i}]`),
      );
    case "map": {
      const record = isJsonObject(tree) ? tree : fail();
      return mapValues(Object.keys(record), (key) => fromTree(record[key] ?? null, type.element, `${at}.${key}`));
    }
    case "object": {
      // Missing attributes are null, as in cty's JSON decoder; attributes no longer in the schema are dropped.
      const record = isJsonObject(tree) ? tree : fail();
      return mapValues(Object.keys(type.attributes), (key) =>
        fromTree(record[key] ?? null, type.attributes[key] as CtyType, `${at}.${key}`),
      );
    }
  }
}

function mapValues(keys: string[], valueFor: (key: string) => CtyValue): CtyObject {
  return Object.fromEntries(keys.map((key) => [key, valueFor(key)]));
}

function isJsonObject(tree: JsonTree): tree is { [key: string]: JsonTree } {
  return typeof tree === "object" && tree !== null && !Array.isArray(tree) && !(tree instanceof JsonNumber);
}

function toPlain(tree: JsonTree): unknown {
  if (tree instanceof JsonNumber) {
    return Number(tree.text);
  }
  if (Array.isArray(tree)) {
    return tree.map(toPlain);
  }
  return isJsonObject(tree) ? Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, toPlain(v)])) : tree;
}

// Sticky patterns match at the parser position without slicing the (possibly large) state text.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/sy;

/** A minimal recursive-descent JSON parser whose only difference from JSON.parse is keeping number text. */
class LosslessJsonParser {
  private pos = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  parseDocument(): JsonTree {
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos !== this.text.length) {
      this.fail();
    }
    return value;
  }

  private parseValue(): JsonTree {
    this.skipWhitespace();
    const char = this.text[this.pos];
    if (char === "{") {
      return this.parseObject();
    }
    if (char === "[") {
      return this.parseArray();
    }
    if (char === '"') {
      return this.parseString();
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    const number = this.match(NUMBER);
    if (!number) {
      return this.fail();
    }
    this.pos += number[0].length;
    return new JsonNumber(number[0]);
  }

  private parseObject(): JsonTree {
    const result: { [key: string]: JsonTree } = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      const key = this.parseString();
      this.skipWhitespace();
      this.consume(":");
      result[key] = this.parseValue();
      this.skipWhitespace();
      if (this.text[this.pos] === "}") {
        this.pos++;
        return result;
      }
      this.consume(",");
    }
  }

  private parseArray(): JsonTree {
    const result: JsonTree[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipWhitespace();
      if (this.text[this.pos] === "]") {
        this.pos++;
        return result;
      }
      this.consume(",");
    }
  }

  private parseString(): string {
    // Reuse JSON.parse for escapes: find the closing quote, skipping escaped characters.
    const match = this.match(STRING);
    if (!match) {
      return this.fail();
    }
    this.pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.text);
  }

  private consume(char: string): void {
    if (this.text[this.pos] !== char) {
      this.fail();
    }
    this.pos++;
  }

  private skipWhitespace(): void {
    while (/\s/.test(this.text[this.pos] ?? "")) {
      this.pos++;
    }
  }

  private fail(): never {
    throw new Error(`invalid JSON at offset ${this.pos}`);
  }
}
