import { type CtyObject, cloneValue, unknownPaths } from "../protocol/cty/value.js";
import type { Diagnostic } from "../protocol/diagnostics.js";
import type { OpenEphemeralResourceResponse, RenewEphemeralResourceResponse } from "../protocol/provider-server.js";
import { Diagnostics, guard } from "./diagnostics.js";
import type { EphemeralOpenResponse, EphemeralRenewResponse, EphemeralResource } from "./ephemeral-resource.js";
import { applyDefaults } from "./plan.js";
import type { PrivateState } from "./resource.js";
import type { Planned } from "./schema.js";

/** Open: config and result start as the config with defaults applied; the result must come back wholly known. */
export async function openEphemeralResource<C>(
  resource: EphemeralResource<C>,
  client: C,
  config: CtyObject,
): Promise<OpenEphemeralResourceResponse> {
  const diagnostics = new Diagnostics();
  const configured = applyDefaults(resource.schema, config, config);
  const resp: EphemeralOpenResponse<CtyObject> = {
    result: cloneValue(configured) as Planned<CtyObject>,
    private: undefined,
    renewAt: undefined,
    diagnostics,
  };
  await guard(diagnostics, `${resource.typeName} open`, () => resource.open({ client, config: configured }, resp));
  const unknown = unknownPaths(resp.result as CtyObject);
  if (!diagnostics.hasErrors() && unknown.length > 0) {
    diagnostics.error(
      "Unknown values after open",
      `${resource.typeName} left ${unknown.join(", ")} unknown. This is a bug in the provider.`,
    );
  }
  if (!diagnostics.hasErrors() && resp.renewAt && !resource.renew) {
    diagnostics.error(
      "Renew not implemented",
      `${resource.typeName} open set renewAt, but the resource has no renew. This is a bug in the provider.`,
    );
  }
  if (diagnostics.hasErrors()) {
    return { result: null, diagnostics: diagnostics.items };
  }
  return {
    result: resp.result as CtyObject,
    private: resp.private,
    renewAt: resp.renewAt,
    diagnostics: diagnostics.items,
  };
}

export async function renewEphemeralResource<C>(
  resource: EphemeralResource<C>,
  client: C,
  privateState: PrivateState,
): Promise<RenewEphemeralResourceResponse> {
  const diagnostics = new Diagnostics();
  const renew = resource.renew;
  if (!renew) {
    diagnostics.error(
      "Renew not implemented",
      `${resource.typeName} cannot be renewed. This is a bug in the provider.`,
    );
    return { private: privateState, diagnostics: diagnostics.items };
  }
  const resp: EphemeralRenewResponse = { private: privateState, renewAt: undefined, diagnostics };
  await guard(diagnostics, `${resource.typeName} renew`, () => renew({ client, private: privateState }, resp));
  return { private: resp.private, renewAt: resp.renewAt, diagnostics: diagnostics.items };
}

/** Without a close handler there is nothing to release. */
export async function closeEphemeralResource<C>(
  resource: EphemeralResource<C>,
  client: C,
  privateState: PrivateState,
): Promise<Diagnostic[]> {
  const diagnostics = new Diagnostics();
  const close = resource.close;
  if (close) {
    await guard(diagnostics, `${resource.typeName} close`, () =>
      close({ client, private: privateState }, { diagnostics }),
    );
  }
  return diagnostics.items;
}
