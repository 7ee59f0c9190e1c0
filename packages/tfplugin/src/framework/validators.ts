import type { CtyValue } from "../protocol/cty/value.js";
import type { AttributePath, Diagnostic } from "../protocol/diagnostics.js";

/**
 * A schema-level attribute check. The framework calls it only with known, non-null values: configurations may
 * hold unknowns at validate time, and required-ness is core's job.
 */
export interface AttributeValidator {
  readonly description: string;
  validate(value: CtyValue, path: AttributePath): readonly Diagnostic[];
}
