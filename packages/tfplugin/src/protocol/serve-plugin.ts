import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Server, ServerCredentials, type ServiceDefinition } from "@grpc/grpc-js";
import protobuf from "protobufjs/light.js";
import { handshakeLine, handshakeProblem, reattachLine } from "./handshake.js";
import { protoDescriptorJson } from "./internal/proto-descriptor.js";
import { errorMessage, providerService } from "./internal/provider-service.js";
import { createSelfSignedCert } from "./internal/self-signed-cert.js";
import { createLogger, type Logger, logLevelFromEnv } from "./logger.js";
import type { ProviderServer } from "./provider-server.js";

export interface ServePluginOptions {
  /** Provider source address, e.g. "registry.terraform.io/acme/foo"; used in the debug reattach line and logs. */
  readonly address: string;
  /** Serve plaintext without the magic cookie and print TF_REATTACH_PROVIDERS instead of the handshake. */
  readonly debug?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningPlugin {
  readonly socketPath: string;
  /** Resolves when the server has stopped (after GRPCController/Shutdown in normal mode). */
  readonly stopped: Promise<void>;
}

const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/**
 * Runs the go-plugin server side: checks the handshake environment, listens on a private unix socket with
 * AutoMTLS, prints the handshake line, and exits after GRPCController/Shutdown.
 */
export async function servePlugin(
  server: ProviderServer,
  options: ServePluginOptions,
): Promise<RunningPlugin | undefined> {
  const env = options.env ?? process.env;
  const debug = options.debug ?? false;
  const log = createLogger(`provider.${options.address.split("/").pop() ?? "plugin"}`, logLevelFromEnv(env));
  const problem = debug ? undefined : handshakeProblem(env);
  if (problem) {
    process.stderr.write(problem);
    process.exitCode = 1;
    return undefined;
  }

  const socketDir = mkdtempSync(join(tmpdir(), "plugin"));
  const socketPath = join(socketDir, "plugin.sock");
  const clientCertPem = debug ? undefined : env.PLUGIN_CLIENT_CERT;
  const cert = clientCertPem ? createSelfSignedCert() : undefined;
  const credentials = cert
    ? ServerCredentials.createSsl(
        Buffer.from(clientCertPem ?? ""),
        [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }],
        true,
      )
    : ServerCredentials.createInsecure();

  const grpcServer = new Server({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    // Channelz (gRPC introspection) is never queried here; its per-call bookkeeping costs every RPC.
    "grpc.enable_channelz": 0,
  });
  const root = protobuf.Root.fromJSON(JSON.parse(protoDescriptorJson) as protobuf.INamespace).resolveAll();
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      rmSync(socketDir, { recursive: true, force: true });
      resolve();
    };
  });
  grpcServer.addService(serviceOf(root, "tfplugin6.Provider"), providerService(server, log));
  grpcServer.addService(serviceOf(root, "plugin.GRPCController"), {
    Shutdown: (_call: unknown, callback: (error: null, response: object) => void) => {
      callback(null, {});
      shutdown(grpcServer, log, debug ? stop : () => exitProcess(stop));
    },
  });

  await new Promise<void>((resolve, reject) =>
    grpcServer.bindAsync(`unix:${socketPath}`, credentials, (error) => (error ? reject(error) : resolve())),
  );
  // Ctrl-C reaches the whole process group; like go-plugin servers, ignore it and let core call StopProvider.
  if (!debug) {
    process.on("SIGINT", () => log.debug("plugin received interrupt signal, ignoring"));
  }
  process.on("exit", () => rmSync(socketDir, { recursive: true, force: true }));
  process.stdout.write(
    debug ? reattachLine(options.address, socketPath, process.pid) : handshakeLine(socketPath, cert?.der),
  );
  log.debug("plugin started", { address: socketPath, tls: Boolean(cert) });
  return { socketPath, stopped };
}

/** How request and response objects look (what @grpc/proto-loader produced with the same options). */
const objectOptions: protobuf.IConversionOptions = { longs: Number, enums: String, defaults: false, oneofs: true };

/**
 * The grpc-js service definition of one service, built straight from the protobufjs reflection: the serializers
 * @grpc/proto-loader would build (toObject/fromObject with the options above), without the descriptor protos and
 * per-message type objects it also builds, which grpc-js servers don't use and which cost every start-up ≈ 20 ms.
 */
function serviceOf(root: protobuf.Namespace, name: string): ServiceDefinition {
  const service = root.lookup(name);
  if (!(service instanceof protobuf.Service)) {
    throw new Error(`service ${name} missing from the embedded descriptor`);
  }
  const definition: Record<string, ServiceDefinition[string]> = {};
  for (const method of service.methodsArray) {
    const requestType = method.resolvedRequestType as protobuf.Type;
    const responseType = method.resolvedResponseType as protobuf.Type;
    definition[method.name] = {
      path: `/${name}/${method.name}`,
      requestStream: Boolean(method.requestStream),
      responseStream: Boolean(method.responseStream),
      requestSerialize: serializer(requestType),
      requestDeserialize: deserializer(requestType),
      responseSerialize: serializer(responseType),
      responseDeserialize: deserializer(responseType),
      originalName: method.name.charAt(0).toLowerCase() + method.name.slice(1),
    };
  }
  return definition as ServiceDefinition;
}

function serializer(type: protobuf.Type): (value: object) => Buffer {
  return (value) => {
    if (Array.isArray(value)) {
      throw new Error(`Failed to serialize message: expected object with ${type.name} structure, got array instead`);
    }
    return type.encode(type.fromObject(value)).finish() as Buffer;
  };
}

function deserializer(type: protobuf.Type): (bytes: Buffer) => object {
  return (bytes) => type.toObject(type.decode(bytes), objectOptions);
}

/** Lets the Shutdown reply flush, then stops; a stuck connection must not keep the process alive. */
function shutdown(grpcServer: Server, log: Logger, done: () => void): void {
  log.debug("shutdown requested");
  const force = setTimeout(() => {
    grpcServer.forceShutdown();
    done();
  }, 100);
  grpcServer.tryShutdown((error) => {
    clearTimeout(force);
    if (error) {
      log.warn("graceful shutdown failed", { error: errorMessage(error) });
    }
    done();
  });
}

function exitProcess(cleanup: () => void): void {
  cleanup();
  process.exit(0);
}
