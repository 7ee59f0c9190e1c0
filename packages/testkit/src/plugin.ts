// A go-plugin client for provider tests and benchmarks: starts a provider as Terraform does (magic cookie,
// protocol versions, client certificate) and talks tfplugin6 to it over gRPC with mTLS.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type Client, credentials, loadPackageDefinition, Metadata, type ServiceError } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { MAGIC_COOKIE_VALUE } from "@keyward/tfplugin";
import { repoRoot } from "./paths.js";

export interface PluginProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** The go-plugin handshake line, split into its six fields. */
  readonly handshake: string[];
  readonly exited: Promise<number | null>;
}

/** Starts a bundled provider script with this Node as Terraform does (magic cookie, protocol versions, client certificate). */
export async function startPlugin(script: string, env: Record<string, string>): Promise<PluginProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "5,6", ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    exited.then((code) => reject(new Error(`plugin exited (${code}) before the handshake`)));
  });
  return { child, handshake: firstLine.split("|"), exited };
}

/** The handshake certificate (base64 DER without padding) as PEM. */
export function handshakeCertPem(field: string): string {
  const der = Buffer.from(field, "base64");
  return `-----BEGIN CERTIFICATE-----\n${der.toString("base64").replace(/.{64}/g, "$&\n")}\n-----END CERTIFICATE-----\n`;
}

export interface TlsIdentity {
  readonly certPem: string;
  readonly keyPem: string;
}

type UnaryMethod = (
  request: object,
  metadata: Metadata,
  options: object,
  callback: (error: ServiceError | null, response: Record<string, unknown>) => void,
) => void;

export type Call = (method: string, request: object) => Promise<Record<string, unknown>>;

let providerClient: typeof Client | undefined;

/**
 * The tfplugin6 client class, from the .proto text @keyward/tfplugin ships (not its embedded descriptor), so that
 * talking to a plugin also checks the shipped file against what the plugin serves.
 */
function providerClientClass(): typeof Client {
  if (!providerClient) {
    const protoPath = join(repoRoot, "packages", "tfplugin", "proto", "tfplugin6.proto");
    const definition = loadSync(protoPath, {
      keepCase: true,
      longs: Number,
      enums: String,
      defaults: true,
      oneofs: true,
    });
    providerClient = (loadPackageDefinition(definition).tfplugin6 as Record<string, typeof Client>)
      .Provider as typeof Client;
  }
  return providerClient;
}

/** A tfplugin6 client over the plugin's unix socket, trusting only the handshake certificate. */
export function connectProvider(
  socketPath: string,
  serverCertPem: string,
  identity: TlsIdentity,
): { call: Call; raw: Client } {
  const creds = credentials.createSsl(
    Buffer.from(serverCertPem),
    Buffer.from(identity.keyPem),
    Buffer.from(identity.certPem),
  );
  const ProviderClient = providerClientClass();
  const raw = new ProviderClient(`unix:${socketPath}`, creds, {
    "grpc.ssl_target_name_override": "localhost",
    "grpc.default_authority": "localhost",
  });
  const call: Call = (method, request) =>
    new Promise((resolve, reject) => {
      const fn = (raw as unknown as Record<string, UnaryMethod | undefined>)[method];
      if (!fn) {
        reject(new Error(`no method ${method}`));
        return;
      }
      fn.call(raw, request, new Metadata(), { deadline: Date.now() + 10_000 }, (error, response) =>
        error ? reject(error) : resolve(response),
      );
    });
  return { call, raw };
}

/** Calls any method path with an empty message, for RPCs the proto doesn't declare (or plugin.GRPCController). */
export function callEmpty(raw: Client, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    raw.makeUnaryRequest(
      path,
      (value: Buffer) => value,
      (value: Buffer) => value,
      Buffer.alloc(0),
      (error) => (error ? reject(error) : resolve()),
    );
  });
}
