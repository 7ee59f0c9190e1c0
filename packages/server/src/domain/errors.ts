import type { FieldError, ProblemCode } from "./types.js";

/**
 * The one error the domain throws. It carries a stable code from the contract's closed set and knows
 * nothing about HTTP: http/problem.ts alone maps codes to statuses.
 */
export class KeywardError extends Error {
  readonly code: ProblemCode;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ProblemCode,
    message: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "KeywardError";
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

export const notFound = (what: string, id: string): KeywardError =>
  new KeywardError("not_found", `No ${what} with id ${id}.`);
