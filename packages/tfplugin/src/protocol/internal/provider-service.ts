import { decodeJson } from "../cty/json.js";
import { decodeMsgpack, encodeMsgpack } from "../cty/msgpack.js";
import type { CtyType } from "../cty/type.js";
import type { CtyValue } from "../cty/value.js";
import { type Diagnostic, errorDiagnostic } from "../diagnostics.js";
import type { Logger } from "../logger.js";
import type { PrivateState, ProviderServer, StateResponse } from "../provider-server.js";
import { impliedType, type Schema } from "../schema.js";
import { attributePathToProto, diagnosticToProto } from "./convert-diagnostics.js";
import { schemaToProto } from "./convert-schema.js";
import type { ProtoDynamicValue, ProtoRequest, ProtoTimestamp } from "./proto-types.js";

const textDecoder = new TextDecoder();
/** One RPC: the decoded request in, the response object out. Never rejects: failures become diagnostics. */
export type RpcHandler = (req: ProtoRequest) => Promise<object>;

/** tfplugin6.Provider handlers: each converts from proto, calls the ProviderServer, converts back. */
export function providerService(server: ProviderServer, log: Logger): Record<string, RpcHandler> {
  const types = new TypeCache(server);
  const providerType = impliedType(server.schemas.provider.block);

  const handlers: Record<string, RpcHandler> = {
    GetMetadata: async () => ({
      server_capabilities: capabilities,
      resources: Object.keys(server.schemas.resources).map((type_name) => ({ type_name })),
      data_sources: Object.keys(server.schemas.dataSources).map((type_name) => ({ type_name })),
      ephemeral_resources: Object.keys(server.schemas.ephemeralResources).map((type_name) => ({ type_name })),
    }),
    GetProviderSchema: async () => ({
      provider: schemaToProto(server.schemas.provider),
      resource_schemas: mapValues(server.schemas.resources, schemaToProto),
      data_source_schemas: mapValues(server.schemas.dataSources, schemaToProto),
      ephemeral_resource_schemas: mapValues(server.schemas.ephemeralResources, schemaToProto),
      server_capabilities: capabilities,
    }),
    ValidateProviderConfig: async (req) =>
      diagnosticsOnly(await server.validateProviderConfig({ config: dynamic(req.config, providerType) })),
    ValidateResourceConfig: async (req) => {
      const type = types.resource(req.type_name);
      return diagnosticsOnly(
        await server.validateResourceConfig({
          typeName: type.name,
          config: dynamic(req.config, type.type),
          clientCapabilities: {
            writeOnlyAttributesAllowed: req.client_capabilities?.write_only_attributes_allowed ?? false,
          },
        }),
      );
    },
    ValidateDataResourceConfig: async (req) => {
      const type = types.dataSource(req.type_name);
      return diagnosticsOnly(
        await server.validateDataResourceConfig({ typeName: type.name, config: dynamic(req.config, type.type) }),
      );
    },
    UpgradeResourceState: async (req) => {
      const type = types.resource(req.type_name);
      const json = req.raw_state?.json?.length ? textDecoder.decode(req.raw_state.json) : undefined;
      const res = await server.upgradeResourceState({
        typeName: type.name,
        version: req.version ?? 0,
        rawStateJson: json,
      });
      return { upgraded_state: toDynamic(res.state, type.type), diagnostics: res.diagnostics.map(diagnosticToProto) };
    },
    ConfigureProvider: async (req) =>
      diagnosticsOnly(
        await server.configureProvider({
          terraformVersion: req.terraform_version ?? "",
          config: dynamic(req.config, providerType),
        }),
      ),
    ReadResource: async (req) => {
      const type = types.resource(req.type_name);
      const res = await server.readResource({
        typeName: type.name,
        currentState: dynamic(req.current_state, type.type),
        private: bytes(req.private),
      });
      return stateResponse("new_state", res, type.type);
    },
    PlanResourceChange: async (req) => {
      const type = types.resource(req.type_name);
      const res = await server.planResourceChange({
        typeName: type.name,
        priorState: dynamic(req.prior_state, type.type),
        proposedNewState: dynamic(req.proposed_new_state, type.type),
        config: dynamic(req.config, type.type),
        priorPrivate: bytes(req.prior_private),
      });
      return {
        planned_state: toDynamic(res.plannedState, type.type),
        requires_replace: res.requiresReplace.map(attributePathToProto),
        planned_private: res.plannedPrivate,
        diagnostics: res.diagnostics.map(diagnosticToProto),
      };
    },
    ApplyResourceChange: async (req) => {
      const type = types.resource(req.type_name);
      const res = await server.applyResourceChange({
        typeName: type.name,
        priorState: dynamic(req.prior_state, type.type),
        plannedState: dynamic(req.planned_state, type.type),
        config: dynamic(req.config, type.type),
        plannedPrivate: bytes(req.planned_private),
      });
      return stateResponse("new_state", res, type.type);
    },
    ImportResourceState: async (req) => {
      const type = types.resource(req.type_name);
      const res = await server.importResourceState({ typeName: type.name, id: req.id ?? "" });
      return {
        imported_resources: res.importedResources.map((r) => ({
          type_name: r.typeName,
          state: toDynamic(r.state, types.resource(r.typeName).type),
          private: r.private,
        })),
        diagnostics: res.diagnostics.map(diagnosticToProto),
      };
    },
    ReadDataSource: async (req) => {
      const type = types.dataSource(req.type_name);
      const res = await server.readDataSource({ typeName: type.name, config: dynamic(req.config, type.type) });
      return stateResponse("state", res, type.type);
    },
    ValidateEphemeralResourceConfig: async (req) => {
      const type = types.ephemeralResource(req.type_name);
      return diagnosticsOnly(
        await server.validateEphemeralResourceConfig({ typeName: type.name, config: dynamic(req.config, type.type) }),
      );
    },
    OpenEphemeralResource: async (req) => {
      const type = types.ephemeralResource(req.type_name);
      const res = await server.openEphemeralResource({ typeName: type.name, config: dynamic(req.config, type.type) });
      return {
        result: toDynamic(res.result, type.type),
        private: res.private,
        renew_at: timestamp(res.renewAt),
        diagnostics: res.diagnostics.map(diagnosticToProto),
      };
    },
    RenewEphemeralResource: async (req) => {
      const type = types.ephemeralResource(req.type_name);
      const res = await server.renewEphemeralResource({ typeName: type.name, private: bytes(req.private) });
      return {
        private: res.private,
        renew_at: timestamp(res.renewAt),
        diagnostics: res.diagnostics.map(diagnosticToProto),
      };
    },
    CloseEphemeralResource: async (req) => {
      const type = types.ephemeralResource(req.type_name);
      return diagnosticsOnly(await server.closeEphemeralResource({ typeName: type.name, private: bytes(req.private) }));
    },
  };

  const implementation: Record<string, RpcHandler> = {
    StopProvider: () =>
      server.stopProvider().then(
        (error) => ({ Error: error ?? "" }),
        (error: unknown) => ({ Error: errorMessage(error) }),
      ),
  };
  for (const [name, handler] of Object.entries(handlers)) {
    implementation[name] = (request) => {
      log.trace("received RPC", { rpc: name, type_name: request.type_name });
      return handler(request).catch(
        // Protocol problems (unknown type, undecodable value) are diagnostics; gRPC errors would read as crashes.
        (error: unknown) => {
          log.error("RPC failed", { rpc: name, error: errorMessage(error) });
          return { diagnostics: [diagnosticToProto(errorDiagnostic(`${name} failed`, errorMessage(error)))] };
        },
      );
    };
  }
  return implementation;
}

const capabilities = { plan_destroy: false, get_provider_schema_optional: true };

class TypeCache {
  private readonly cache = new Map<string, CtyType>();
  private readonly server: ProviderServer;
  constructor(server: ProviderServer) {
    this.server = server;
  }
  resource(name: string | undefined): { name: string; type: CtyType } {
    return this.lookup("resource", name ?? "", this.server.schemas.resources);
  }
  dataSource(name: string | undefined): { name: string; type: CtyType } {
    return this.lookup("data source", name ?? "", this.server.schemas.dataSources);
  }
  ephemeralResource(name: string | undefined): { name: string; type: CtyType } {
    return this.lookup("ephemeral resource", name ?? "", this.server.schemas.ephemeralResources);
  }
  private lookup(kind: string, name: string, schemas: Readonly<Record<string, Schema>>) {
    const key = `${kind}:${name}`;
    let type = this.cache.get(key);
    if (!type) {
      const schema = schemas[name];
      if (!schema) {
        throw new Error(`The provider has no ${kind} type named ${JSON.stringify(name)}.`);
      }
      type = impliedType(schema.block);
      this.cache.set(key, type);
    }
    return { name, type };
  }
}

function dynamic(value: ProtoDynamicValue | undefined, type: CtyType): CtyValue {
  if (value?.msgpack?.length) {
    return decodeMsgpack(value.msgpack, type);
  }
  return value?.json?.length ? decodeJson(textDecoder.decode(value.json), type) : null;
}

function toDynamic(value: CtyValue, type: CtyType): ProtoDynamicValue {
  return { msgpack: encodeMsgpack(value, type) };
}

function stateResponse(field: "new_state" | "state", res: StateResponse, type: CtyType): object {
  return {
    [field]: toDynamic(res.state, type),
    private: res.private,
    diagnostics: res.diagnostics.map(diagnosticToProto),
  };
}

function diagnosticsOnly(diagnostics: Diagnostic[]): object {
  return { diagnostics: diagnostics.map(diagnosticToProto) };
}

function timestamp(date: Date | undefined): ProtoTimestamp | undefined {
  if (date === undefined) {
    return undefined;
  }
  const millis = date.getTime();
  return { seconds: Math.floor(millis / 1000), nanos: (((millis % 1000) + 1000) % 1000) * 1_000_000 };
}

function bytes(value: Uint8Array | undefined): PrivateState {
  return value?.length ? value : undefined;
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
