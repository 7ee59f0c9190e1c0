// Request validation against openapi.yaml, compiled once per operation at start (Ajv, JSON Schema 2020-12, full
// formats) and run by the dispatch on the operation the request was already matched to — no second path match,
// nothing compiled or allocated per request beyond the data checked.
//
// It answers exactly as express-openapi-validator 5.6 (which it replaced on the request side) did, so clients and
// the bad-input suite see the same problems: the same checks in the same order (malformed path escape → media
// type → reserved characters in query values → unknown or empty query parameters → parameters, then body, one
// Ajv error each), the same Ajv options (query and path values coerced to their types, defaults filled in), and
// errors as `{ path: "/body/name", message: "must be string" }`.

import type { IncomingHttpHeaders } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { parse as parseQueryString } from "qs";
import type { Contract, ContractDocument, OperationRoute } from "./contract.js";

/** A request the contract refuses: 400 (`errors` say where), or 415 for a body of the wrong media type. */
export class RequestRejected extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  allowReserved?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Schema;
}

/** What of a request is validated: its URL (for the query), headers, decoded path parameters, parsed body. */
export interface RequestParts {
  url: string;
  /** The URL's query string, as node's URL parser splits it off (null: none). */
  rawQuery: string | null;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  body: unknown;
}

export interface RequestValidator {
  /**
   * Checks the request, leaving `params` and `body` coerced and defaulted in place, and returns the query
   * coerced with defaults filled in (as the handlers' types say); throws RequestRejected when the contract
   * refuses it.
   */
  validate(req: RequestParts): Record<string, unknown>;
}

/** Query values must percent-encode these (RFC 3986 reserved characters), unless the parameter allows them. */
const RESERVED = /[:/?#[\]@!$&'()*+,;=]/;
const LOCATION: Record<string, "query" | "headers" | "params"> = { query: "query", header: "headers", path: "params" };

export function compileRequestValidators(contract: Contract): Map<OperationRoute, RequestValidator> {
  // Two instances, as the validator had: parameters arrive as strings and are coerced; bodies are JSON and aren't.
  const parameters = contractAjv(contract.document, { coerceTypes: true, useDefaults: true });
  const bodies = contractAjv(contract.document, { coerceTypes: false, useDefaults: true });
  const validators = new Map<OperationRoute, RequestValidator>();
  for (const route of contract.operations) {
    validators.set(route, compileOperation(route, contract.document, parameters.compile, bodies.compile));
  }
  return validators;
}

/** Where the contract's component schemas are registered in each Ajv instance, compiled once for all operations. */
const CONTRACT_ID = "keyward-contract";

/**
 * An Ajv instance with the validator's options and the contract's component schemas; `rebase` points a schema's
 * `#/components/…` references at them, so each is compiled once, not once per operation that uses it.
 */
export function contractAjv(
  document: ContractDocument,
  options: { coerceTypes?: boolean; useDefaults?: boolean; allErrors?: boolean },
) {
  const ajv = new Ajv2020({
    strict: false,
    strictNumbers: true,
    strictTuples: true,
    allowUnionTypes: false,
    validateSchema: false,
    removeAdditional: false,
    validateFormats: true,
    ...options,
  });
  // `2030-02-30T00:00:00Z` and hour 25 are refused only in full mode.
  formats.default(ajv, { mode: "full" });
  ajv.addSchema(rebase({ components: { schemas: document.components.schemas } }, ""), CONTRACT_ID);
  // Operations share schemas (every problem response is the same one): compile each distinct schema once.
  const compiled = new Map<string, ValidateFunction>();
  const compile = (schema: Schema) => {
    const key = JSON.stringify(schema);
    const validate = compiled.get(key) ?? ajv.compile(rebase(schema, CONTRACT_ID));
    compiled.set(key, validate);
    return validate;
  };
  return { ajv, compile };
}

/** A copy of `node` with every local `#/…` reference made relative to the schema registered as `base`. */
function rebase<T>(node: T, base: string): T {
  if (Array.isArray(node)) {
    return node.map((item) => rebase(item, base)) as T;
  }
  if (!node || typeof node !== "object") {
    return node;
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${base}${value}` : rebase(value, base),
    ]),
  ) as T;
}

type Compile = (schema: Schema) => ValidateFunction;

function compileOperation(
  route: OperationRoute,
  document: ContractDocument,
  compileParameters: Compile,
  compileBody: Compile,
): RequestValidator {
  const parameters = operationParameters(route, document);
  for (const parameter of parameters) {
    if (!LOCATION[parameter.in]) {
      throw new Error(`${route.operationId}: parameters in ${parameter.in} are not supported`);
    }
    const type = parameter.schema && resolve(parameter.schema, document)?.type;
    if (
      parameter.in === "query" &&
      (type === "object" || type === "array" || parameter.style !== undefined || parameter.explode !== undefined)
    ) {
      throw new Error(
        `${route.operationId}: query parameter ${parameter.name} is not a plain scalar; only those are supported`,
      );
    }
  }
  const byLocation = { query: {} as Schema, headers: {} as Schema, params: {} as Schema };
  for (const parameter of parameters) {
    const location = LOCATION[parameter.in] as keyof typeof byLocation;
    const name = parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name;
    if (!byLocation[location].properties) {
      byLocation[location] = { type: "object", properties: {} };
    }
    const schema = byLocation[location];
    (schema.properties as Schema)[name] = parameter.schema ? resolve(parameter.schema, document) : {};
    if (parameter.required) {
      schema.required = [...((schema.required as string[] | undefined) ?? []), name];
    }
  }
  const validateParameters =
    parameters.length > 0
      ? compileParameters({ required: ["query", "headers", "params"], properties: { ...byLocation, body: {} } })
      : undefined;
  const queryNames = new Set(
    parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name),
  );
  const strictQuery = parameters
    .filter((parameter) => parameter.in === "query" && !parameter.allowReserved)
    .map((parameter) => parameter.name);

  const requestBody = resolve(route.operation.requestBody as Schema | undefined, document) as
    | { required?: boolean; content?: Record<string, { schema?: Schema }> }
    | undefined;
  const mediaTypes = Object.keys(requestBody?.content ?? {});
  const bodySchema = resolve(requestBody?.content?.[mediaTypes[0] ?? ""]?.schema, document);
  if (mediaTypes.some((type) => type !== "application/json")) {
    throw new Error(
      `${route.operationId}: only application/json request bodies are supported, not ${mediaTypes.join(", ")}`,
    );
  }
  const validateBody = requestBody?.content
    ? compileBody({
        properties: { query: {}, headers: {}, params: {}, cookies: {}, body: bodySchema ?? {} },
        // As the validator did: the body must be present when its schema lists required properties.
        ...(bodySchema?.required ? { required: ["body"] } : {}),
      })
    : undefined;

  return {
    validate(req) {
      if (requestBody?.content) {
        checkMediaType(req, requestBody.required === false);
      }
      const queryAt = req.url.indexOf("?");
      // Parsed as Express's "simple" query parser did (node's querystring), for the same answers.
      const query =
        queryAt < 0
          ? {}
          : parsedQuery(parseQuery(req.rawQuery ?? ""), req.url.slice(queryAt + 1), strictQuery, queryNames);
      const data = { query, headers: req.headers, params: req.params, body: req.body };
      const parametersValid = validateParameters ? validateParameters(data) : true;
      const bodyValid = validateBody ? validateBody(data) : true;
      if (parametersValid && bodyValid) {
        return query;
      }
      const errors = [...(validateParameters?.errors ?? []), ...(validateBody?.errors ?? [])].map(fieldError);
      throw new RequestRejected(400, errors.map((error) => `${error.path} ${error.message}`).join("; "), errors);
    },
  };
}

/** The operation's parameters, then those of its path item it doesn't redeclare, with `$ref`s resolved. */
function operationParameters(route: OperationRoute, document: ContractDocument): Parameter[] {
  const own = ((route.operation.parameters ?? []) as Schema[]).map(
    (parameter) => resolve(parameter, document) as unknown as Parameter,
  );
  const shared = ((document.paths[route.template]?.parameters ?? []) as Schema[]).map(
    (parameter) => resolve(parameter, document) as unknown as Parameter,
  );
  return [
    ...own,
    ...shared.filter((parameter) => !own.some((mine) => mine.name === parameter.name && mine.in === parameter.in)),
  ];
}

/** Follows a local `$ref` (`#/components/...`) to what it names. */
function resolve(node: Schema | undefined, document: ContractDocument): Schema | undefined {
  let current = node;
  while (current && typeof current.$ref === "string" && current.$ref.startsWith("#/")) {
    const target = current.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (at, key) => (at as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
        document,
      );
    if (!target) {
      throw new Error(`${current.$ref} names nothing in the contract`);
    }
    current = target as Schema;
  }
  return current;
}

/** A body sent as anything but the operation's JSON is 415; so is none, unless the body is optional. */
function checkMediaType(req: RequestParts, optional: boolean): void {
  const mediaType = req.headers["content-type"]?.split(";")[0]?.toLowerCase().trim();
  if (mediaType === "application/json" || (!mediaType && optional)) {
    return;
  }
  throw new RequestRejected(415, mediaType ? `unsupported media type ${mediaType}` : "media type not specified");
}

/**
 * `req.query` as the validator saw it: keys with brackets (`a[b]=1`) become nested values of `a`; a declared
 * parameter's raw value may not hold reserved characters; every key must be a declared parameter, with a value.
 */
function parsedQuery(
  query: Record<string, unknown>,
  raw: string,
  strict: readonly string[],
  declared: ReadonlySet<string>,
): Record<string, unknown> {
  for (const key of Object.keys(query)) {
    if (!key.includes("[")) {
      continue;
    }
    const name = key.split("[")[0] ?? "";
    const nested = (parseQueryString(`${key}=${query[key]}`) as Record<string, unknown>)[name];
    if (nested !== undefined) {
      const current = query[name];
      query[name] = isPlainObject(current) && isPlainObject(nested) ? { ...current, ...nested } : nested;
    }
    delete query[key];
  }
  if (strict.length > 0) {
    const values = rawValues(raw.split("#")[0] ?? "");
    for (const name of strict) {
      if (values.get(name)?.some((value) => value !== undefined && RESERVED.test(value))) {
        throw invalid(
          `/query/${name}`,
          `Parameter '${name}' must be url encoded. Its value may not contain reserved characters.`,
        );
      }
    }
  }
  for (const key of Object.keys(query)) {
    if (!declared.has(key)) {
      throw invalid(`/query/${key}`, `Unknown query parameter '${key}'`);
    }
    if (query[key] === "") {
      throw invalid(`/query/${key}`, `Empty value found for query parameter '${key}'`);
    }
  }
  return query;
}

/** Undecoded values by undecoded key (`a=1&a=2` → a: ["1", "2"]); what follows a second `=` is dropped. */
function rawValues(raw: string): Map<string, (string | undefined)[]> {
  const values = new Map<string, (string | undefined)[]>();
  for (const pair of raw.replace("?", "").split("&")) {
    const [key = "", value] = pair.split("=");
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(path: string, message: string): RequestRejected {
  return new RequestRejected(400, message, [{ path, message }]);
}

/** `/body/name` for a wrong value; the missing or unexpected property itself for `required` and `additionalProperties`. */
function fieldError(error: ErrorObject): { path: string; message: string } {
  const params = error.params as {
    missingProperty?: string;
    additionalProperty?: string;
    unevaluatedProperty?: string;
    allowedValues?: unknown[];
  };
  const named = params.missingProperty || params.additionalProperty || params.unevaluatedProperty;
  const message =
    error.keyword === "enum" && params.allowedValues
      ? `${error.message}: ${params.allowedValues.join(", ")}`
      : (error.message ?? "is invalid");
  return { path: named ? `${error.instancePath}/${named}` : error.instancePath, message };
}
