// openapi.yaml, loaded once: the validator, the catalog, the auth rules and /docs all read it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

/** The contract @keyward/contract ships, wherever the package is installed. */
export const DEFAULT_CONTRACT_PATH = createRequire(import.meta.url).resolve("@keyward/contract/openapi.yaml");

/** Minimal view of an OpenAPI document, enough to read what the server needs. */
export interface ContractDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; [key: string]: unknown }> };
}

export interface Contract {
  path: string;
  text: string;
  document: ContractDocument & { info: { version: string } };
  operations: OperationRoute[];
  /**
   * Path templates by their first two segments (`/v1/api-keys`), so a request is matched against a handful
   * of patterns; the most literal template first (`/v1/api-keys/revoke-all` before `/v1/api-keys/{key_id}`).
   */
  index: Map<string, PathTemplate[]>;
}

export interface PathTemplate {
  template: string;
  pattern: RegExp;
  /** The template's operations by upper-case method. */
  routes: Map<string, OperationRoute>;
}

export interface OperationRoute {
  method: string;
  template: string;
  pattern: RegExp;
  operationId: string;
  /** Token kinds the operation's `security` accepts (the console's session cookie counts as admin); empty = no token needed. */
  accepts: { admin: boolean; key: boolean };
  operation: Record<string, unknown>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export function loadContract(path = DEFAULT_CONTRACT_PATH): Contract {
  const text = readFileSync(path, "utf8");
  const document = parse(text) as Contract["document"];
  const operations: OperationRoute[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation) {
        continue;
      }
      const schemes = ((operation.security ?? []) as Record<string, unknown>[]).flatMap((requirement) =>
        Object.keys(requirement),
      );
      operations.push({
        method: method.toUpperCase(),
        template,
        pattern,
        operationId: String(operation.operationId),
        accepts: {
          admin: schemes.includes("adminToken") || schemes.includes("adminSession"),
          key: schemes.includes("integrationKey") || schemes.includes("integrationBasic"),
        },
        operation,
      });
    }
  }
  const index = new Map<string, PathTemplate[]>();
  for (const route of operations) {
    const key = indexKey(route.template);
    const templates = index.get(key) ?? [];
    let entry = templates.find((candidate) => candidate.template === route.template);
    if (!entry) {
      entry = { template: route.template, pattern: route.pattern, routes: new Map() };
      templates.push(entry);
      templates.sort((a, b) => parameterCount(a.template) - parameterCount(b.template));
      index.set(key, templates);
    }
    entry.routes.set(route.method, route);
  }
  return { path, text, document, operations, index };
}

/** The path up to its third `/` (`/v1/api-keys` of `/v1/api-keys/key_1`), without splitting it. */
function indexKey(path: string): string {
  const second = path.indexOf("/", path.indexOf("/") + 1);
  const third = second < 0 ? -1 : path.indexOf("/", second + 1);
  return third < 0 ? path : path.slice(0, third);
}

function parameterCount(template: string): number {
  return template.split("{").length - 1;
}

/** The path template a request path falls under (a literal segment wins over a parameter), if any. */
export function matchTemplate(contract: Contract, path: string): PathTemplate | undefined {
  return contract.index.get(indexKey(path))?.find((entry) => entry.pattern.test(path));
}

export function matchOperation(contract: Contract, method: string, path: string): OperationRoute | undefined {
  return matchTemplate(contract, path)?.routes.get(method);
}

/** The methods the contract declares for a path (empty: no such path). */
export function allowedMethods(contract: Contract, path: string): string[] {
  return [...(matchTemplate(contract, path)?.routes.keys() ?? [])];
}
