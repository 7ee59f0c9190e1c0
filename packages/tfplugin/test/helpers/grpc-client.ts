import { fileURLToPath } from "node:url";
import { type Client, type ServiceError, credentials, loadPackageDefinition, Metadata } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";

// The client reads the .proto text itself, so it checks the shipped file against the embedded descriptor.
const protoPath = fileURLToPath(new URL("../../proto/tfplugin6.proto", import.meta.url));
const definition = loadSync(protoPath, { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
const ProviderClient = (loadPackageDefinition(definition).tfplugin6 as Record<string, typeof Client>).Provider as typeof Client;

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

/** A tfplugin6 client over the plugin's unix socket, trusting only the handshake certificate. */
export function connectProvider(socketPath: string, serverCertPem: string, identity: TlsIdentity): { call: Call; raw: Client } {
  const creds = credentials.createSsl(Buffer.from(serverCertPem), Buffer.from(identity.keyPem), Buffer.from(identity.certPem));
  const raw = new ProviderClient(`unix:${socketPath}`, creds, { "grpc.ssl_target_name_override": "localhost", "grpc.default_authority": "localhost" });
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
