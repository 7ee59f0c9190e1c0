import { describe, expect, it } from "vitest";
import { type Diagnostic, errorDiagnostic, warningDiagnostic } from "../../src/index.js";
import { diagnosticToProto } from "../../src/protocol/internal/convert-diagnostics.js";
import type { ProtoDiagnostic } from "../../src/protocol/internal/proto-types.js";

const cases: Record<string, { given: Diagnostic; want: ProtoDiagnostic }> = {
  "error without a path": {
    given: errorDiagnostic("Unable to create", "boom"),
    want: { severity: "ERROR", summary: "Unable to create", detail: "boom" },
  },
  "warning with attribute, index and map key steps": {
    given: warningDiagnostic("Deprecated", undefined, ["rule", 0, "labels", { key: "env" }]),
    want: {
      severity: "WARNING",
      summary: "Deprecated",
      detail: "",
      attribute: {
        steps: [
          { attribute_name: "rule" },
          { element_key_int: 0 },
          { attribute_name: "labels" },
          { element_key_string: "env" },
        ],
      },
    },
  },
};

describe("diagnostic conversion", () => {
  for (const [name, { given, want }] of Object.entries(cases)) {
    it(`converts ${name}`, () => {
      expect(diagnosticToProto(given)).toEqual(want);
    });
  }
});
