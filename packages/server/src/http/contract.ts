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
}

export interface OperationRoute {
  method: string;
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
        pattern,
        operationId: String(operation.operationId),
        accepts: { admin: schemes.includes("adminToken"), key: schemes.includes("integrationKey") || schemes.includes("integrationBasic") },
        operation,
      });
    }
  }
  return { path, text, document, operations };
}

export function matchOperation(contract: Contract, method: string, path: string): OperationRoute | undefined {
  return contract.operations.find((route) => route.method === method && route.pattern.test(path));
}
