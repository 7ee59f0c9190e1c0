import { type ProvidersSchemaJson, providersSchemaJson } from "../protocol/schema-json.js";
import { type RunningPlugin, servePlugin } from "../protocol/serve-plugin.js";
import { FrameworkServer, providerSchemas } from "./framework-server.js";
import type { Provider } from "./provider.js";

export interface ServeOptions {
  /** The provider source address, e.g. "registry.terraform.io/acme/foo". */
  readonly address: string;
  /** Plaintext, no magic cookie; prints TF_REATTACH_PROVIDERS for running under a debugger. */
  readonly debug?: boolean;
}

/**
 * The only bridge from the framework to the protocol: serves a provider as a go-plugin process. Pass `options` as a
 * function when they come from the environment: in an executable with a startup snapshot, this runs when the
 * snapshot is built and the function when the executable is launched.
 */
export function serve<C>(
  provider: Provider<C>,
  options: ServeOptions | (() => ServeOptions),
): Promise<RunningPlugin | undefined> {
  return servePlugin(new FrameworkServer(provider), options);
}

/** The provider's schema as `terraform providers schema -json` prints it (for committing and comparing). */
export function providerSchemaJson<C>(provider: Provider<C>, address: string): ProvidersSchemaJson {
  return providersSchemaJson(address, providerSchemas(provider));
}
