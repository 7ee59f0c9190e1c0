import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { fromJSON } from "@grpc/proto-loader";
import { handshakeLine, handshakeProblem, reattachLine } from "./handshake.js";
import { errorMessage, providerService } from "./internal/provider-service.js";
import { protoDescriptorJson } from "./internal/proto-descriptor.js";
import { createSelfSignedCert } from "./internal/self-signed-cert.js";
import { type Logger, createLogger, logLevelFromEnv } from "./logger.js";
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
export async function servePlugin(server: ProviderServer, options: ServePluginOptions): Promise<RunningPlugin | undefined> {
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
    ? ServerCredentials.createSsl(Buffer.from(clientCertPem ?? ""), [
        { private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) },
      ], true)
    : ServerCredentials.createInsecure();

  const grpcServer = new Server({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  const packages = fromJSON(JSON.parse(protoDescriptorJson) as Parameters<typeof fromJSON>[0], { keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true });
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      rmSync(socketDir, { recursive: true, force: true });
      resolve();
    };
  });
  grpcServer.addService(serviceOf(packages, "tfplugin6.Provider"), providerService(server, log));
  grpcServer.addService(serviceOf(packages, "plugin.GRPCController"), {
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
  process.stdout.write(debug ? reattachLine(options.address, socketPath, process.pid) : handshakeLine(socketPath, cert?.der));
  log.debug("plugin started", { address: socketPath, tls: Boolean(cert) });
  return { socketPath, stopped };
}

function serviceOf(packages: ReturnType<typeof fromJSON>, name: string) {
  const definition = packages[name];
  if (!definition || "format" in definition) {
    throw new Error(`service ${name} missing from the embedded descriptor`);
  }
  return definition as Parameters<Server["addService"]>[0];
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
