import { spawnSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { status } from "@grpc/grpc-js";
import {
  type Call,
  callEmpty,
  connectProvider,
  handshakeCertPem,
  type PluginProcess,
  startPlugin,
} from "@keyward/testkit/plugin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerSchemas } from "../../src/framework/framework-server.js";
import { cty, decodeMsgpack, encodeMsgpack, typeFromJson, Unknown } from "../../src/index.js";
import { createSelfSignedCert } from "../../src/protocol/internal/self-signed-cert.js";
import { impliedType } from "../../src/protocol/schema.js";
import { exampleProvider } from "../fixtures/example-provider.js";
import { bundleExampleProvider } from "../helpers/bundle-provider.js";

const dir = mkdtempSync(join(tmpdir(), "tfplugin-it-"));
const script = join(dir, "provider.js");
const clientIdentity = createSelfSignedCert();
const thingType = impliedType(
  providerSchemas(exampleProvider).resources.example_thing?.block ?? { attributes: [], blockTypes: [] },
);
const credentialType = impliedType(
  providerSchemas(exampleProvider).resources.example_credential?.block ?? { attributes: [], blockTypes: [] },
);
const tokenType = impliedType(
  providerSchemas(exampleProvider).ephemeralResources.example_token?.block ?? { attributes: [], blockTypes: [] },
);
const providerType = cty.object({ store_path: cty.string });
const dv = (value: Parameters<typeof encodeMsgpack>[0], type = thingType) => ({ msgpack: encodeMsgpack(value, type) });

let plugin: PluginProcess;
let call: Call;
let coldStartMs: number;

beforeAll(async () => {
  await bundleExampleProvider(script);
  const started = performance.now();
  plugin = await startPlugin(script, {
    PLUGIN_CLIENT_CERT: clientIdentity.certPem,
    EXAMPLE_STORE_PATH: join(dir, "store.json"),
  });
  call = connectProvider(plugin.handshake[3] ?? "", handshakeCertPem(plugin.handshake[5] ?? ""), clientIdentity).call;
  await call("GetProviderSchema", {});
  coldStartMs = performance.now() - started;
});

afterAll(() => {
  plugin?.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("a bundled provider served over go-plugin gRPC", () => {
  it("prints the handshake line with an unpadded localhost certificate", () => {
    const [core, app, network, address, protocol, cert = ""] = plugin.handshake;
    expect([core, app, network, protocol]).toEqual(["1", "6", "unix", "grpc"]);
    expect(address).toMatch(/plugin\.sock$/);
    expect(cert).not.toMatch(/=/);
    const x509 = new X509Certificate(Buffer.from(cert, "base64"));
    expect(x509.subjectAltName).toBe("DNS:localhost");
    expect(x509.ca).toBe(true);
  });

  it("serves the schema soon after launch", async () => {
    const response = await call("GetProviderSchema", {});
    const schemas = response.resource_schemas as Record<
      string,
      { version: number; block: { attributes: { name: string; type: Buffer }[] } }
    >;
    const thing = schemas.example_thing;
    expect(thing?.version).toBe(1);
    const tags = thing?.block.attributes.find((a) => a.name === "tags");
    expect(typeFromJson(JSON.parse(tags?.type.toString() ?? "null"))).toEqual(cty.set(cty.string));
    expect(response.server_capabilities).toMatchObject({ get_provider_schema_optional: true });
    console.info(`cold start (spawn → GetProviderSchema answered): ${coldStartMs.toFixed(0)} ms`);
    expect(coldStartMs).toBeLessThan(5_000);
  });

  it("plans, applies and reads a resource with msgpack values", async () => {
    expect(
      (await call("ConfigureProvider", { terraform_version: "1.11.4", config: dv({ store_path: null }, providerType) }))
        .diagnostics,
    ).toEqual([]);
    const config = {
      name: "n",
      zone: "z",
      size: null,
      tags: ["b", "a"],
      labels: null,
      secret: "s",
      settings: { mode: "m", level: null },
      id: null,
      created_at: null,
      revision: null,
      rule: [{ port: 443, protocol: null }],
    };
    const plan = await call("PlanResourceChange", {
      type_name: "example_thing",
      prior_state: dv(null),
      proposed_new_state: dv(config),
      config: dv(config),
    });
    const planned = decodeMsgpack((plan.planned_state as { msgpack: Buffer }).msgpack, thingType);
    expect(planned).toMatchObject({ id: Unknown, size: 1, rule: [{ port: 443, protocol: "tcp" }] });

    const apply = await call("ApplyResourceChange", {
      type_name: "example_thing",
      prior_state: dv(null),
      planned_state: dv(planned),
      config: dv(config),
    });
    expect(apply.diagnostics).toEqual([]);
    const created = decodeMsgpack((apply.new_state as { msgpack: Buffer }).msgpack, thingType) as Record<
      string,
      unknown
    >;
    expect(created).toMatchObject({ name: "n", size: 1, revision: 1, tags: ["b", "a"] });
    expect(created.id).toEqual(expect.any(String));

    const read = await call("ReadResource", { type_name: "example_thing", current_state: dv(created as never) });
    expect(decodeMsgpack((read.new_state as { msgpack: Buffer }).msgpack, thingType)).toEqual(created);
  });

  it("opens an ephemeral resource and closes it with the private state from open", async () => {
    await call("ConfigureProvider", { terraform_version: "1.11.4", config: dv({ store_path: null }, providerType) });
    const opened = await call("OpenEphemeralResource", {
      type_name: "example_token",
      config: dv({ prefix: null, token: null }, tokenType),
    });
    expect(opened.diagnostics).toEqual([]);
    expect(decodeMsgpack((opened.result as { msgpack: Buffer }).msgpack, tokenType)).toEqual({
      prefix: "ex_",
      token: expect.stringMatching(/^ex_[0-9a-f]{32}$/),
    });
    const id = Buffer.from(opened.private as Buffer).toString();
    expect(
      (await call("CloseEphemeralResource", { type_name: "example_token", private: opened.private })).diagnostics,
    ).toEqual([]);
    expect(readFileSync(join(dir, "store.json.closed"), "utf8").split("\n")).toContain(id);
  });

  it("keeps a write-only attribute out of plan and state, and hands its value to create", async () => {
    await call("ConfigureProvider", { terraform_version: "1.11.4", config: dv({ store_path: null }, providerType) });
    const config = { id: null, name: "c", secret_wo: "s3cret", secret_wo_version: 1, secret_sha256: null };
    const refused = await call("ValidateResourceConfig", {
      type_name: "example_credential",
      config: dv(config, credentialType),
    });
    expect(refused.diagnostics).toEqual([
      expect.objectContaining({ severity: "ERROR", summary: "Write-only attribute not supported by this CLI" }),
    ]);
    const allowed = await call("ValidateResourceConfig", {
      type_name: "example_credential",
      config: dv(config, credentialType),
      client_capabilities: { write_only_attributes_allowed: true },
    });
    expect(allowed.diagnostics).toEqual([]);

    const plan = await call("PlanResourceChange", {
      type_name: "example_credential",
      prior_state: dv(null, credentialType),
      proposed_new_state: dv(config, credentialType),
      config: dv(config, credentialType),
    });
    const planned = decodeMsgpack((plan.planned_state as { msgpack: Buffer }).msgpack, credentialType);
    expect(planned).toMatchObject({ secret_wo: null, secret_sha256: Unknown });
    const apply = await call("ApplyResourceChange", {
      type_name: "example_credential",
      prior_state: dv(null, credentialType),
      planned_state: dv(planned, credentialType),
      config: dv(config, credentialType),
    });
    expect(apply.diagnostics).toEqual([]);
    expect(decodeMsgpack((apply.new_state as { msgpack: Buffer }).msgpack, credentialType)).toMatchObject({
      secret_wo: null,
      secret_sha256: createHash("sha256").update("s3cret").digest("hex"),
    });
  });

  it("reports an unknown resource type as a diagnostic", async () => {
    const response = await call("ValidateResourceConfig", {
      type_name: "example_nope",
      config: { msgpack: Buffer.alloc(0) },
    });
    expect(response.diagnostics).toEqual([
      expect.objectContaining({ severity: "ERROR", detail: expect.stringContaining("example_nope") }),
    ]);
  });

  it("answers UNIMPLEMENTED for RPCs it doesn't serve", async () => {
    const { raw } = connectProvider(
      plugin.handshake[3] ?? "",
      handshakeCertPem(plugin.handshake[5] ?? ""),
      clientIdentity,
    );
    await expect(callEmpty(raw, "/tfplugin6.Provider/GetFunctions")).rejects.toMatchObject({
      code: status.UNIMPLEMENTED,
    });
  });

  it("refuses a client without the expected certificate", async () => {
    const stranger = createSelfSignedCert();
    const { call: strangerCall } = connectProvider(
      plugin.handshake[3] ?? "",
      handshakeCertPem(plugin.handshake[5] ?? ""),
      stranger,
    );
    await expect(strangerCall("GetProviderSchema", {})).rejects.toMatchObject({ code: status.UNAVAILABLE });
  });

  it("exits promptly after GRPCController/Shutdown", async () => {
    const { raw } = connectProvider(
      plugin.handshake[3] ?? "",
      handshakeCertPem(plugin.handshake[5] ?? ""),
      clientIdentity,
    );
    const started = performance.now();
    await callEmpty(raw, "/plugin.GRPCController/Shutdown");
    expect(await plugin.exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("serves plaintext and prints TF_REATTACH_PROVIDERS in debug mode", async () => {
    const debug = await startPlugin(script, { TF_PLUGIN_MAGIC_COOKIE: "", EXAMPLE_DEBUG: "1" });
    try {
      const json = JSON.parse(/^TF_REATTACH_PROVIDERS='(.*)'$/.exec(debug.handshake.join("|"))?.[1] ?? "null");
      expect(json["example.test/test/example"]).toMatchObject({
        Protocol: "grpc",
        ProtocolVersion: 6,
        Pid: debug.child.pid,
        Test: true,
      });
    } finally {
      debug.child.kill();
    }
  });

  it("refuses to run without the magic cookie", () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const result = spawnSync(process.execPath, [script], { env, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^This binary is a plugin\. These are not meant to be executed directly/);
  });
});
