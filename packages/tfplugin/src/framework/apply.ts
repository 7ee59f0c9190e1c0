import { type CtyObject, cloneValue, unknownPaths } from "../protocol/cty/value.js";
import type { Diagnostic } from "../protocol/diagnostics.js";
import { Diagnostics, guard } from "./diagnostics.js";
import type { CreateResponse, PrivateState, Resource, UpdateResponse } from "./resource.js";
import type { Planned } from "./schema.js";

export interface ApplyRequest {
  readonly priorState: CtyObject | null;
  readonly plannedState: CtyObject | null;
  readonly config: CtyObject | null;
  readonly plannedPrivate: PrivateState;
}

export interface ApplyResult {
  readonly state: CtyObject | null;
  readonly private: PrivateState;
  readonly diagnostics: Diagnostic[];
}

/** Dispatches to create (no prior state), delete (null plan) or update, and checks what the resource returns. */
export async function applyResourceChange<C>(
  resource: Resource<C>,
  client: C,
  req: ApplyRequest,
): Promise<ApplyResult> {
  const diagnostics = new Diagnostics();
  const { priorState, plannedState, plannedPrivate } = req;
  const config = req.config ?? {};
  if (plannedState === null) {
    if (priorState === null) {
      return { state: null, private: undefined, diagnostics: [] };
    }
    await guard(diagnostics, `${resource.typeName} delete`, () =>
      resource.delete({ client, state: priorState, private: plannedPrivate }, { diagnostics }),
    );
    // On failure the object still exists: keep it in state.
    return {
      state: diagnostics.hasErrors() ? priorState : null,
      private: plannedPrivate,
      diagnostics: diagnostics.items,
    };
  }
  if (priorState === null) {
    const resp: CreateResponse<CtyObject> = { state: cloneValue(plannedState), private: plannedPrivate, diagnostics };
    await guard(diagnostics, `${resource.typeName} create`, () =>
      resource.create({ client, config, plan: plannedState }, resp),
    );
    if (resp.state === null && !diagnostics.hasErrors()) {
      diagnostics.error(
        "Missing resource state after create",
        `${resource.typeName}: create returned no state and no error. This is a bug in the provider.`,
      );
    }
    return finish(`${resource.typeName} create`, resp.state, null, resp.private, diagnostics);
  }
  const update = resource.update;
  if (!update) {
    diagnostics.error(
      "Resource cannot be updated",
      `${resource.typeName} does not support in-place updates; its attributes should force replacement. This is a bug in the provider.`,
    );
    return { state: priorState, private: plannedPrivate, diagnostics: diagnostics.items };
  }
  const resp: UpdateResponse<CtyObject> = { state: cloneValue(plannedState), private: plannedPrivate, diagnostics };
  await guard(diagnostics, `${resource.typeName} update`, () =>
    update({ client, config, plan: plannedState, state: priorState, private: plannedPrivate }, resp),
  );
  return finish(`${resource.typeName} update`, resp.state, priorState, resp.private, diagnostics);
}

/** Core rejects unknowns after apply with a message that doesn't name the resource code; name it here. */
function finish(
  operation: string,
  state: Planned<CtyObject> | null,
  fallback: CtyObject | null,
  privateState: PrivateState,
  diagnostics: Diagnostics,
): ApplyResult {
  const unknown = state === null ? [] : unknownPaths(state as CtyObject);
  if (unknown.length === 0) {
    return { state: state as CtyObject | null, private: privateState, diagnostics: diagnostics.items };
  }
  // Unknowns left after a reported failure are expected; otherwise the resource forgot to fill them in.
  if (!diagnostics.hasErrors()) {
    diagnostics.error(
      "Unknown values after apply",
      `${operation} left ${unknown.join(", ")} unknown; every value must be known after apply. This is a bug in the provider.`,
    );
  }
  // A partially known object can't be stored: fall back to the prior state (none on create).
  return { state: fallback, private: privateState, diagnostics: diagnostics.items };
}
