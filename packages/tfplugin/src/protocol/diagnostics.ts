/**
 * Diagnostics as the protocol carries them. A path step is an attribute name (string), a list/tuple index
 * (number) or a map key (`{ key }`); set elements cannot be addressed.
 */
export type PathStep = string | number | { readonly key: string };
export type AttributePath = readonly PathStep[];

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly attributePath?: AttributePath;
}

export function errorDiagnostic(summary: string, detail?: string, attributePath?: AttributePath): Diagnostic {
  return { severity: "error", summary, ...(detail ? { detail } : {}), ...(attributePath ? { attributePath } : {}) };
}

export function warningDiagnostic(summary: string, detail?: string, attributePath?: AttributePath): Diagnostic {
  return { severity: "warning", summary, ...(detail ? { detail } : {}), ...(attributePath ? { attributePath } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Terraform-style rendering, e.g. `rule[0].name` or `tags["env"]`. */
export function formatPath(path: AttributePath): string {
  return path
    .map((step, i) => {
      if (typeof step === "string") {
        return i === 0 ? step : `.${step}`;
      }
      return typeof step === "number" ? `[${step}]` : `[${JSON.stringify(step.key)}]`;
    })
    .join("");
}
