import { beforeAll, describe, expect, it } from "vitest";
import { FrameworkServer } from "../../src/framework/framework-server.js";
import {
  attr,
  cty,
  decodeMsgpack,
  defineEphemeralResource,
  defineProvider,
  defineResource,
  encodeMsgpack,
} from "../../src/index.js";
import { providerService } from "../../src/protocol/internal/provider-service.js";
import { createLogger } from "../../src/protocol/logger.js";

const leaseType = cty.object({ ttl: cty.number, lease: cty.string });
const keyType = cty.object({ key_wo: cty.string });

const provider = defineProvider({
  schema: { attributes: {} },
  configure: () => ({}),
  resources: [
    defineResource({
      typeName: "t_key",
      schema: { attributes: { key_wo: attr.string({ optional: true, writeOnly: true }) } },
      create() {},
      read() {},
      delete() {},
    }),
  ],
  ephemeralResources: [
    defineEphemeralResource({
      typeName: "t_lease",
      schema: { attributes: { ttl: attr.number({ required: true }), lease: attr.string({ computed: true }) } },
      open(_req, resp) {
        resp.result.lease = "l-1";
        resp.private = Uint8Array.of(1, 2);
        resp.renewAt = new Date(Date.UTC(2030, 0, 1, 0, 0, 0, 250));
      },
      renew(req, resp) {
        resp.private = Uint8Array.of(...(req.private ?? []), 3);
      },
    }),
  ],
});

const service = providerService(new FrameworkServer(provider), createLogger("test", "off"));

/** Calls a handler as the gRPC server does, with the request object proto-loader-style deserialisation produces. */
async function rpc(name: string, request: object): Promise<Record<string, unknown>> {
  const handler = service[name];
  if (!handler) {
    throw new Error(`no handler for ${name}`);
  }
  return (await handler(request)) as Record<string, unknown>;
}

describe("ephemeral resource RPCs", () => {
  beforeAll(async () => {
    await rpc("ConfigureProvider", {
      terraform_version: "1.11.4",
      config: { msgpack: encodeMsgpack({}, cty.object({})) },
    });
  });

  it("GetMetadata and GetProviderSchema list the ephemeral resource", async () => {
    expect((await rpc("GetMetadata", {})).ephemeral_resources).toEqual([{ type_name: "t_lease" }]);
    const schemas = (await rpc("GetProviderSchema", {})).ephemeral_resource_schemas as Record<
      string,
      { block: { attributes: { name: string }[] } }
    >;
    expect(schemas.t_lease?.block.attributes.map((a) => a.name)).toEqual(["ttl", "lease"]);
  });

  it("OpenEphemeralResource returns the msgpack result, private bytes and renew_at as a Timestamp", async () => {
    const opened = await rpc("OpenEphemeralResource", {
      type_name: "t_lease",
      config: { msgpack: encodeMsgpack({ ttl: 60, lease: null }, leaseType) },
    });
    expect(opened.diagnostics).toEqual([]);
    expect(decodeMsgpack((opened.result as { msgpack: Uint8Array }).msgpack, leaseType)).toEqual({
      ttl: 60,
      lease: "l-1",
    });
    expect(opened.private).toEqual(Uint8Array.of(1, 2));
    expect(opened.renew_at).toEqual({ seconds: Date.UTC(2030, 0, 1) / 1000, nanos: 250_000_000 });
  });

  it("RenewEphemeralResource and CloseEphemeralResource carry the private bytes", async () => {
    const renewed = await rpc("RenewEphemeralResource", { type_name: "t_lease", private: Uint8Array.of(1, 2) });
    expect(renewed).toEqual({ private: Uint8Array.of(1, 2, 3), renew_at: undefined, diagnostics: [] });
    expect(await rpc("CloseEphemeralResource", { type_name: "t_lease", private: Uint8Array.of(1, 2, 3) })).toEqual({
      diagnostics: [],
    });
  });
});

describe("ValidateResourceConfig client capabilities", () => {
  const config = { msgpack: encodeMsgpack({ key_wo: "k" }, keyType) };
  const cases: [string, object | undefined, number][] = [
    ["absent (CLIs before 1.11)", undefined, 1],
    ["without write_only_attributes_allowed", { deferral_allowed: true }, 1],
    ["with write_only_attributes_allowed", { write_only_attributes_allowed: true }, 0],
  ];
  for (const [name, capabilities, errors] of cases) {
    it(`${errors ? "refuses" : "accepts"} a write-only value when the capabilities are ${name}`, async () => {
      const response = await rpc("ValidateResourceConfig", {
        type_name: "t_key",
        config,
        client_capabilities: capabilities,
      });
      expect(response.diagnostics).toHaveLength(errors);
    });
  }
});
