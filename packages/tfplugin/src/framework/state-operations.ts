import { decodeJson } from "../protocol/cty/json.js";
import { type CtyObject, cloneValue } from "../protocol/cty/value.js";
import type { Diagnostic } from "../protocol/diagnostics.js";
import { Diagnostics, guard } from "./diagnostics.js";
import type { ImportStateResponse, PrivateState, ReadResponse, Resource, UpgradeStateResponse } from "./resource.js";
import type { BlockDefinition } from "./schema.js";
import { blockCtyType } from "./schema-to-protocol.js";

interface StateResult {
  readonly state: CtyObject | null;
  readonly private?: PrivateState;
  readonly diagnostics: Diagnostic[];
}

/** Refresh: a null state from `read` means the remote object is gone, and core drops it from state. */
export async function readResource<C>(
  resource: Resource<C>,
  client: C,
  req: { state: CtyObject | null; private: PrivateState },
): Promise<StateResult> {
  const diagnostics = new Diagnostics();
  const current = req.state;
  if (current === null) {
    return { state: null, private: req.private, diagnostics: [] };
  }
  const resp: ReadResponse<CtyObject> = { state: cloneValue(current), private: req.private, diagnostics };
  await guard(diagnostics, `${resource.typeName} read`, () =>
    resource.read({ client, state: current, private: req.private }, resp),
  );
  // On failure keep what we had rather than dropping the resource from state.
  return {
    state: diagnostics.hasErrors() ? current : resp.state,
    private: resp.private,
    diagnostics: diagnostics.items,
  };
}

/** Import by id: the resource fills in identifying attributes; core then calls read for the rest. */
export async function importResourceState<C>(resource: Resource<C>, client: C, id: string): Promise<StateResult> {
  const diagnostics = new Diagnostics();
  const importState = resource.importState;
  if (!importState) {
    diagnostics.error("Resource import not supported", `${resource.typeName} cannot be imported.`);
    return { state: null, diagnostics: diagnostics.items };
  }
  const resp: ImportStateResponse<CtyObject> = { state: nullObject(resource.schema), diagnostics };
  await guard(diagnostics, `${resource.typeName} importState`, () => importState({ client, id }, resp));
  return { state: diagnostics.hasErrors() ? null : resp.state, diagnostics: diagnostics.items };
}

/**
 * Always answers (core calls this even when the version is current): the stored JSON decoded with the current
 * schema, or the resource's `upgradeState` result for states written by an older schema version.
 */
export async function upgradeResourceState(
  resource: Resource<unknown>,
  req: { version: number; rawStateJson: string | undefined },
): Promise<StateResult> {
  const diagnostics = new Diagnostics();
  if (req.rawStateJson === undefined) {
    return { state: null, diagnostics: [] };
  }
  const rawJson = req.rawStateJson;
  const currentVersion = resource.schema.version ?? 0;
  if (req.version === currentVersion) {
    return { state: decodeJson(rawJson, blockCtyType(resource.schema)) as CtyObject | null, diagnostics: [] };
  }
  const upgradeState = resource.upgradeState;
  if (!upgradeState) {
    diagnostics.error(
      "Unable to upgrade resource state",
      `${resource.typeName} state was written by schema version ${req.version}, but the provider (schema version ${currentVersion}) has no upgradeState.`,
    );
    return { state: null, diagnostics: diagnostics.items };
  }
  const resp: UpgradeStateResponse<CtyObject> = { state: null, diagnostics };
  await guard(diagnostics, `${resource.typeName} upgradeState`, () =>
    upgradeState({ version: req.version, rawState: JSON.parse(rawJson) as Record<string, unknown> }, resp),
  );
  return { state: resp.state, diagnostics: diagnostics.items };
}

/** An object with every attribute null and every block absent (null single blocks, empty list/set blocks). */
export function nullObject(definition: BlockDefinition): CtyObject {
  const object: CtyObject = {};
  for (const name of Object.keys(definition.attributes)) {
    object[name] = null;
  }
  for (const [name, block] of Object.entries(definition.blocks ?? {})) {
    object[name] = block.nesting === "single" ? null : [];
  }
  return object;
}
