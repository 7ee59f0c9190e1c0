import {
  type AttributePath,
  type Diagnostic,
  errorDiagnostic,
  hasErrors,
  warningDiagnostic,
} from "../protocol/diagnostics.js";

/** The collector every handler receives; handlers report problems here instead of throwing. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(summary: string, detail?: string, path?: AttributePath): void {
    this.items.push(errorDiagnostic(summary, detail, path));
  }

  warning(summary: string, detail?: string, path?: AttributePath): void {
    this.items.push(warningDiagnostic(summary, detail, path));
  }

  add(...diagnostics: readonly Diagnostic[]): void {
    this.items.push(...diagnostics);
  }

  hasErrors(): boolean {
    return hasErrors(this.items);
  }
}

/** Runs provider code; a throw becomes one error diagnostic, since handlers should report via `diagnostics`. */
export async function guard(diagnostics: Diagnostics, what: string, run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.error(
      `Unexpected error in ${what}`,
      `${what} threw an exception; this is a bug in the provider, please report it.\n\n${message}`,
    );
  }
}
