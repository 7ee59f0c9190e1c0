import type { CtyObject, CtyValue } from "../protocol/cty/value.js";
import { unknownPaths } from "../protocol/cty/value.js";
import { type Diagnostic, errorDiagnostic } from "../protocol/diagnostics.js";
import type {
  ApplyResourceChangeRequest,
  ImportResourceStateResponse,
  OpenEphemeralResourceResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  PrivateState,
  ProviderServer,
  ReadResourceRequest,
  RenewEphemeralResourceResponse,
  StateResponse,
  UpgradeResourceStateRequest,
  ValidateResourceConfigRequest,
} from "../protocol/provider-server.js";
import type { ProviderSchemas, Schema } from "../protocol/schema.js";
import { applyResourceChange } from "./apply.js";
import type { DataSource } from "./data-source.js";
import { Diagnostics, guard } from "./diagnostics.js";
import { closeEphemeralResource, openEphemeralResource, renewEphemeralResource } from "./ephemeral-operations.js";
import type { EphemeralResource } from "./ephemeral-resource.js";
import { planResourceChange } from "./plan.js";
import type { Provider } from "./provider.js";
import type { Resource } from "./resource.js";
import type { BlockDefinition, Planned } from "./schema.js";
import { toProtocolSchema } from "./schema-to-protocol.js";
import { importResourceState, readResource, upgradeResourceState } from "./state-operations.js";
import { validateConfig } from "./validate.js";
import { checkWriteOnlyPlacement, nullWriteOnly, writeOnlyNotAllowed } from "./write-only.js";

/** The protocol schemas of a provider definition (also what `providerSchemaJson` renders). */
export function providerSchemas<C>(provider: Provider<C>): ProviderSchemas {
  const byName = <T extends { typeName: string; schema: Resource<C>["schema"] }>(
    items: readonly T[],
    managed = false,
  ) =>
    Object.fromEntries(
      items.map((item): [string, Schema] => {
        checkWriteOnlyPlacement(item.typeName, item.schema, managed);
        return [item.typeName, toProtocolSchema(item.schema)];
      }),
    );
  checkWriteOnlyPlacement("the provider", provider.schema, false);
  return {
    provider: toProtocolSchema(provider.schema),
    resources: byName(provider.resources, true),
    dataSources: byName(provider.dataSources ?? []),
    ephemeralResources: byName(provider.ephemeralResources ?? []),
  };
}

/** Adapts a framework provider to the protocol's ProviderServer (terraform-plugin-framework's fwserver role). */
export class FrameworkServer<C> implements ProviderServer {
  readonly schemas: ProviderSchemas;
  private readonly provider: Provider<C>;
  private readonly resources: Map<string, Resource<C>>;
  private readonly dataSources: Map<string, DataSource<C>>;
  private readonly ephemeralResources: Map<string, EphemeralResource<C>>;
  private configured: { client: C } | undefined;

  constructor(provider: Provider<C>) {
    this.provider = provider;
    this.schemas = providerSchemas(provider);
    this.resources = new Map(provider.resources.map((r) => [r.typeName, r]));
    this.dataSources = new Map((provider.dataSources ?? []).map((d) => [d.typeName, d]));
    this.ephemeralResources = new Map((provider.ephemeralResources ?? []).map((e) => [e.typeName, e]));
  }

  validateProviderConfig(req: { config: CtyValue }): Promise<Diagnostic[]> {
    return validateConfig("provider", this.provider.schema, req.config, this.provider.validate);
  }

  async validateResourceConfig(req: ValidateResourceConfigRequest): Promise<Diagnostic[]> {
    const resource = this.resource(req.typeName);
    const refused = req.clientCapabilities.writeOnlyAttributesAllowed
      ? []
      : writeOnlyNotAllowed(resource.typeName, resource.schema, req.config);
    return [...refused, ...(await validateConfig(resource.typeName, resource.schema, req.config, resource.validate))];
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

  async upgradeResourceState(req: UpgradeResourceStateRequest): Promise<StateResponse> {
    const resource = this.resource(req.typeName);
    return withoutWriteOnly(resource.schema, await upgradeResourceState(resource as Resource<unknown>, req));
  }

  readResource(req: ReadResourceRequest): Promise<StateResponse> {
    const resource = this.resource(req.typeName);
    return this.withClient(async (client) =>
      withoutWriteOnly(
        resource.schema,
        await readResource(resource, client, { state: req.currentState as CtyObject | null, private: req.private }),
      ),
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
    const resource = this.resource(req.typeName);
    return this.withClient(async (client) =>
      withoutWriteOnly(
        resource.schema,
        await applyResourceChange(resource, client, {
          priorState: req.priorState as CtyObject | null,
          plannedState: req.plannedState as CtyObject | null,
          config: req.config as CtyObject | null,
          plannedPrivate: req.plannedPrivate,
        }),
      ),
    );
  }

  async importResourceState(req: { typeName: string; id: string }): Promise<ImportResourceStateResponse> {
    if (!this.configured) {
      return { importedResources: [], diagnostics: [notConfigured] };
    }
    const resource = this.resource(req.typeName);
    const result = withoutWriteOnly(
      resource.schema,
      await importResourceState(resource, this.configured.client, req.id),
    );
    const imported = result.state === null ? [] : [{ typeName: req.typeName, state: result.state as CtyObject }];
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
        diagnostics.error(
          "Unknown values after read",
          `${dataSource.typeName} left ${unknown.join(", ")} unknown. This is a bug in the provider.`,
        );
      }
      return { state: diagnostics.hasErrors() ? null : (resp.state as CtyObject), diagnostics: diagnostics.items };
    });
  }

  validateEphemeralResourceConfig(req: { typeName: string; config: CtyValue }): Promise<Diagnostic[]> {
    const resource = this.ephemeralResource(req.typeName);
    return validateConfig(resource.typeName, resource.schema, req.config, resource.validate);
  }

  async openEphemeralResource(req: { typeName: string; config: CtyValue }): Promise<OpenEphemeralResourceResponse> {
    const resource = this.ephemeralResource(req.typeName);
    if (!this.configured) {
      return { result: null, diagnostics: [notConfigured] };
    }
    return openEphemeralResource(resource, this.configured.client, req.config as CtyObject);
  }

  async renewEphemeralResource(req: {
    typeName: string;
    private: PrivateState;
  }): Promise<RenewEphemeralResourceResponse> {
    const resource = this.ephemeralResource(req.typeName);
    if (!this.configured) {
      return { private: req.private, diagnostics: [notConfigured] };
    }
    return renewEphemeralResource(resource, this.configured.client, req.private);
  }

  async closeEphemeralResource(req: { typeName: string; private: PrivateState }): Promise<Diagnostic[]> {
    const resource = this.ephemeralResource(req.typeName);
    if (!this.configured) {
      return [notConfigured];
    }
    return closeEphemeralResource(resource, this.configured.client, req.private);
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

  private ephemeralResource(typeName: string): EphemeralResource<C> {
    return lookup(this.ephemeralResources, typeName, "ephemeral resource");
  }
}

/** Core rejects any plan or state holding a write-only value (plans are nulled inside planResourceChange). */
function withoutWriteOnly<R extends { readonly state: CtyValue }>(schema: BlockDefinition, response: R): R {
  return { ...response, state: nullWriteOnly(schema, response.state as CtyObject | null) };
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
