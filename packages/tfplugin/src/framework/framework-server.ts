import type { CtyObject, CtyValue } from "../protocol/cty/value.js";
import { unknownPaths } from "../protocol/cty/value.js";
import { type Diagnostic, errorDiagnostic } from "../protocol/diagnostics.js";
import type {
  ApplyResourceChangeRequest,
  ImportResourceStateResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  ProviderServer,
  ReadResourceRequest,
  StateResponse,
  UpgradeResourceStateRequest,
} from "../protocol/provider-server.js";
import type { ProviderSchemas, Schema } from "../protocol/schema.js";
import { applyResourceChange } from "./apply.js";
import type { DataSource } from "./data-source.js";
import { Diagnostics, guard } from "./diagnostics.js";
import { planResourceChange } from "./plan.js";
import type { Provider } from "./provider.js";
import type { Resource } from "./resource.js";
import type { Planned } from "./schema.js";
import { toProtocolSchema } from "./schema-to-protocol.js";
import { importResourceState, readResource, upgradeResourceState } from "./state-operations.js";
import { validateConfig } from "./validate.js";

/** The protocol schemas of a provider definition (also what `providerSchemaJson` renders). */
export function providerSchemas<C>(provider: Provider<C>): ProviderSchemas {
  const byName = <T extends { typeName: string; schema: Resource<C>["schema"] }>(items: readonly T[]) =>
    Object.fromEntries(items.map((item): [string, Schema] => [item.typeName, toProtocolSchema(item.schema)]));
  return {
    provider: toProtocolSchema(provider.schema),
    resources: byName(provider.resources),
    dataSources: byName(provider.dataSources ?? []),
  };
}

/** Adapts a framework provider to the protocol's ProviderServer (terraform-plugin-framework's fwserver role). */
export class FrameworkServer<C> implements ProviderServer {
  readonly schemas: ProviderSchemas;
  private readonly provider: Provider<C>;
  private readonly resources: Map<string, Resource<C>>;
  private readonly dataSources: Map<string, DataSource<C>>;
  private configured: { client: C } | undefined;

  constructor(provider: Provider<C>) {
    this.provider = provider;
    this.schemas = providerSchemas(provider);
    this.resources = new Map(provider.resources.map((r) => [r.typeName, r]));
    this.dataSources = new Map((provider.dataSources ?? []).map((d) => [d.typeName, d]));
  }

  validateProviderConfig(req: { config: CtyValue }): Promise<Diagnostic[]> {
    return validateConfig("provider", this.provider.schema, req.config, this.provider.validate);
  }

  validateResourceConfig(req: { typeName: string; config: CtyValue }): Promise<Diagnostic[]> {
    const resource = this.resource(req.typeName);
    return validateConfig(resource.typeName, resource.schema, req.config, resource.validate);
  }

  validateDataResourceConfig(req: { typeName: string; config: CtyValue }): Promise<Diagnostic[]> {
    const dataSource = this.dataSource(req.typeName);
    return validateConfig(dataSource.typeName, dataSource.schema, req.config, dataSource.validate);
  }

  async configureProvider(req: { terraformVersion: string; config: CtyValue }): Promise<Diagnostic[]> {
    const diagnostics = new Diagnostics();
    const config = (req.config ?? {}) as Planned<CtyObject>;
    await guard(diagnostics, "provider configure", async () => {
      const client = await this.provider.configure({ config, terraformVersion: req.terraformVersion }, { diagnostics });
      this.configured = diagnostics.hasErrors() ? undefined : { client };
    });
    return diagnostics.items;
  }

  upgradeResourceState(req: UpgradeResourceStateRequest): Promise<StateResponse> {
    return upgradeResourceState(this.resource(req.typeName) as Resource<unknown>, req);
  }

  readResource(req: ReadResourceRequest): Promise<StateResponse> {
    return this.withClient((client) =>
      readResource(this.resource(req.typeName), client, { state: req.currentState as CtyObject | null, private: req.private }),
    );
  }

  planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    return planResourceChange(this.resource(req.typeName), this.configured?.client, {
      priorState: req.priorState as CtyObject | null,
      proposedNewState: req.proposedNewState as CtyObject | null,
      config: req.config as CtyObject | null,
      priorPrivate: req.priorPrivate,
    });
  }

  applyResourceChange(req: ApplyResourceChangeRequest): Promise<StateResponse> {
    return this.withClient((client) =>
      applyResourceChange(this.resource(req.typeName), client, {
        priorState: req.priorState as CtyObject | null,
        plannedState: req.plannedState as CtyObject | null,
        config: req.config as CtyObject | null,
        plannedPrivate: req.plannedPrivate,
      }),
    );
  }

  async importResourceState(req: { typeName: string; id: string }): Promise<ImportResourceStateResponse> {
    if (!this.configured) {
      return { importedResources: [], diagnostics: [notConfigured] };
    }
    const result = await importResourceState(this.resource(req.typeName), this.configured.client, req.id);
    const imported = result.state === null ? [] : [{ typeName: req.typeName, state: result.state }];
    return { importedResources: imported, diagnostics: result.diagnostics };
  }

  readDataSource(req: { typeName: string; config: CtyValue }): Promise<StateResponse> {
    const dataSource = this.dataSource(req.typeName);
    return this.withClient(async (client) => {
      const diagnostics = new Diagnostics();
      const config = req.config as CtyObject;
      const resp = { state: { ...config } as Planned<CtyObject>, diagnostics };
      await guard(diagnostics, `${dataSource.typeName} read`, () => dataSource.read({ client, config }, resp));
      const unknown = unknownPaths(resp.state as CtyObject);
      if (!diagnostics.hasErrors() && unknown.length > 0) {
        diagnostics.error("Unknown values after read", `${dataSource.typeName} left ${unknown.join(", ")} unknown. This is a bug in the provider.`);
      }
      return { state: diagnostics.hasErrors() ? null : (resp.state as CtyObject), diagnostics: diagnostics.items };
    });
  }

  async stopProvider(): Promise<string | undefined> {
    return undefined;
  }

  private async withClient(run: (client: C) => Promise<StateResponse>): Promise<StateResponse> {
    if (!this.configured) {
      return { state: null, diagnostics: [notConfigured] };
    }
    return run(this.configured.client);
  }

  private resource(typeName: string): Resource<C> {
    return lookup(this.resources, typeName, "resource");
  }

  private dataSource(typeName: string): DataSource<C> {
    return lookup(this.dataSources, typeName, "data source");
  }
}

const notConfigured = errorDiagnostic(
  "Provider not configured",
  "ConfigureProvider must succeed before resources are read or changed.",
);

function lookup<T>(items: Map<string, T>, typeName: string, kind: string): T {
  const item = items.get(typeName);
  if (!item) {
    throw new Error(`The provider has no ${kind} type named ${JSON.stringify(typeName)}.`);
  }
  return item;
}
