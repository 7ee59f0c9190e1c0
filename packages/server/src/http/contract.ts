// openapi.yaml, loaded once: the validator, the catalog, the auth rules and /docs all read it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { ContractDocument } from "../domain/catalog.js";

export const DEFAULT_CONTRACT_PATH = fileURLToPath(new URL("../../../../openapi.yaml", import.meta.url));

export interface Contract {
  path: string;
  text: string;
  document: ContractDocument & { info: { version: string } };
  operations: OperationRoute[];
  /** Operations by `METHOD /v1/<segment>`, so a request is matched against a handful of patterns. */
  index: Map<string, OperationRoute[]>;
}

export interface OperationRoute {
  method: string;
  template: string;
  pattern: RegExp;
  operationId: string;
  /** Token kinds the operation's `security` accepts; empty = no token needed. */
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
      if (!operation) continue;
      const schemes = ((operation.security ?? []) as Record<string, unknown>[]).flatMap((requirement) => Object.keys(requirement));
      operations.push({
        method: method.toUpperCase(),
        template,
        pattern,
        operationId: String(operation.operationId),
        accepts: { admin: schemes.includes("adminToken"), key: schemes.includes("integrationKey") || schemes.includes("integrationBasic") },
        operation,
      });
    }
  }
  const index = new Map<string, OperationRoute[]>();
  for (const route of operations) {
    const key = indexKey(route.method, route.template);
    index.set(key, [...(index.get(key) ?? []), route]);
  }
  return { path, text, document, operations, index };
}

function indexKey(method: string, path: string): string {
  return `${method} ${path.split("/", 3).join("/")}`;
}

export function matchOperation(contract: Contract, method: string, path: string): OperationRoute | undefined {
  return contract.index.get(indexKey(method, path))?.find((route) => route.pattern.test(path));
}
