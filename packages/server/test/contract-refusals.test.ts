// The contract documents every refusal an operation can answer, so that generated clients, the provider and
// fuzzers know them (schemathesis' status_code_conformance checks the same from the outside).
import { describe, expect, it } from "vitest";
import { operationPermission, operationScope } from "../src/domain/catalog.js";
import { loadContract } from "../src/http/contract.js";

const contract = loadContract();

/** The statuses the server's pipeline can answer for this operation, in the order it decides them. */
function refusals(route: (typeof contract.operations)[number]): string[] {
  const operation = route.operation as { parameters?: unknown[]; requestBody?: unknown; security?: unknown[] };
  const pathItem = contract.document.paths[route.template] as { parameters?: unknown[] };
  const statuses: string[] = [];
  if ((operation.security ?? []).length > 0) {
    // 503: on PostgreSQL, a replica past its staleness bound refuses every credential, and writes need the database.
    statuses.push("401", "403", "429", "503");
  }
  if (operationPermission(route.operation)) {
    statuses.push("402");
  }
  if ((operation.parameters ?? []).length > 0 || (pathItem.parameters ?? []).length > 0 || operation.requestBody) {
    statuses.push("400");
  }
  if (operation.requestBody) {
    statuses.push("413", "415");
  }
  if (route.template.includes("{")) {
    statuses.push("404");
  }
  return statuses;
}

describe("every operation documents the refusals it can answer", () => {
  for (const route of contract.operations) {
    it(`${route.operationId} documents ${refusals(route).join(", ") || "no refusal"}`, () => {
      const documented = Object.keys((route.operation as { responses: Record<string, unknown> }).responses);
      expect(refusals(route).filter((status) => !documented.includes(status))).toEqual([]);
    });
  }

  it("names a management scope on every operation that takes only management tokens, but the token's own and the console sign-in", () => {
    const unscoped = contract.operations.filter(
      (route) => route.accepts.admin && !route.accepts.key && !operationScope(route.operation),
    );
    expect(unscoped.map((route) => route.operationId)).toEqual([
      "getCurrentManagementToken",
      "getConsoleSession",
      "createConsoleSession",
      "deleteConsoleSession",
    ]);
  });
});
