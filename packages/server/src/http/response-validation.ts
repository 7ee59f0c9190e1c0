// Response validation against openapi.yaml (tests turn it on; production doesn't pay for it): every JSON body a
// handler sends must match the operation's response for that status (exact, `4XX`, else `default`) and media
// type. A mismatch is a bug in the server: the client gets 500 internal_error and the log names the violation.

import type { ValidateFunction } from "ajv/dist/2020.js";
import type { Contract, OperationRoute } from "./contract.js";
import { contractAjv } from "./request-validation.js";

type Schema = Record<string, unknown>;
type ResponseObject = { $ref?: string; content?: Record<string, { schema?: Schema }> };

/** Returns what is wrong with an answer about to be sent, or null when it matches. */
export type ResponseCheck = (status: number, contentType: string, body: unknown) => string | null;

export function compileResponseChecks(contract: Contract): Map<OperationRoute, ResponseCheck> {
  const { ajv, compile } = contractAjv(contract.document, { allErrors: true });
  const components = contract.document.components as Schema & { responses?: Record<string, ResponseObject> };
  const checks = new Map<OperationRoute, ResponseCheck>();
  for (const route of contract.operations) {
    const byStatus = new Map<string, Map<string, ValidateFunction>>();
    for (const [status, declared] of Object.entries(
      (route.operation.responses ?? {}) as Record<string, ResponseObject>,
    )) {
      const response = declared.$ref ? components.responses?.[declared.$ref.replace(/^.+\//, "")] : declared;
      const byMediaType = new Map<string, ValidateFunction>();
      for (const [mediaType, { schema }] of Object.entries(response?.content ?? {})) {
        if (schema && /[/+]json\b/.test(mediaType)) {
          byMediaType.set(mediaType, compile({ properties: { response: schema } }));
        }
      }
      byStatus.set(status, byMediaType);
    }
    checks.set(route, (statusCode, contentType, body) => {
      const status = String(statusCode);
      const declared = byStatus.get(status) ?? byStatus.get(`${status[0]}XX`) ?? byStatus.get("default");
      if (!declared) {
        return `no response is declared for status ${status}`;
      }
      if (declared.size === 0) {
        return body === undefined ? null : `status ${status} has no body in the contract`;
      }
      const mediaType = contentType.split(";")[0]?.trim() ?? "";
      const validate = declared.get(mediaType) ?? declared.values().next().value;
      if (!validate || validate({ response: body })) {
        return null;
      }
      return ajv.errorsText(validate.errors, { dataVar: "" });
    });
  }
  return checks;
}
