import type { CtyType } from "../protocol/cty/type.js";
import type { CtyObject, CtyValue } from "../protocol/cty/value.js";
import type { AttributePath, Diagnostic } from "../protocol/diagnostics.js";

export interface PlanModifierRequest {
  readonly path: AttributePath;
  /** The attribute's cty type, e.g. to compare values with `valuesEqual`. */
  readonly type: CtyType;
  readonly configValue: CtyValue;
  readonly planValue: CtyValue;
  /** Null on create. */
  readonly stateValue: CtyValue;
  readonly config: CtyObject;
  readonly plan: CtyObject;
  readonly state: CtyObject | null;
}

export interface PlanModifierResponse {
  readonly planValue?: CtyValue;
  readonly requiresReplace?: boolean;
  readonly diagnostics?: readonly Diagnostic[];
}

/** A per-attribute plan step. `description` documents the behaviour (it feeds generated docs). */
export interface PlanModifier {
  readonly description: string;
  modify(req: PlanModifierRequest): PlanModifierResponse;
}
