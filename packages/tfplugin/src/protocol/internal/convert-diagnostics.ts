import type { AttributePath, Diagnostic } from "../diagnostics.js";
import type { ProtoAttributePath, ProtoDiagnostic } from "./proto-types.js";

export function diagnosticToProto(diagnostic: Diagnostic): ProtoDiagnostic {
  return {
    severity: diagnostic.severity === "error" ? "ERROR" : "WARNING",
    summary: diagnostic.summary,
    detail: diagnostic.detail ?? "",
    ...(diagnostic.attributePath?.length ? { attribute: attributePathToProto(diagnostic.attributePath) } : {}),
  };
}

export function attributePathToProto(path: AttributePath): ProtoAttributePath {
  return {
    steps: path.map((step) => {
      if (typeof step === "string") {
        return { attribute_name: step };
      }
      return typeof step === "number" ? { element_key_int: step } : { element_key_string: step.key };
    }),
  };
}
