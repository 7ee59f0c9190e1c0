import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startupSnapshot } from "node:v8";
import protobuf from "protobufjs/light.js";
import { handshakeLine, handshakeProblem, reattachLine } from "./handshake.js";
import { type GrpcServer, listenGrpc, type UnaryHandler } from "./internal/grpc-server.js";
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
/** Answers that never change in a process; encoded once (into the startup snapshot, in an executable that has one). */
const CONSTANT_ANSWERS = new Set(["GetProviderSchema", "GetMetadata"]);
const EMPTY = new Uint8Array(0);

/**
 * Runs the go-plugin server side: checks the handshake environment, listens on a private unix socket with
 * AutoMTLS, prints the handshake line, and exits after GRPCController/Shutdown.
 *
 * In a process building a V8 startup snapshot (a single executable built with `useSnapshot`), everything that doesn't
 * depend on the launch — protobuf types and their generated codecs, the schema answers — is made now and lands in the
 * snapshot; the server starts when the executable is launched. `options` may be a function, called at that point,
 * for options read from the environment.
 */
export function servePlugin(
  server: ProviderServer,
  options: ServePluginOptions | (() => ServePluginOptions),
): Promise<RunningPlugin | undefined> {
  const plugin = preparePlugin(server);
  const resolved = () => (typeof options === "function" ? options() : options);
  if (startupSnapshot.isBuildingSnapshot()) {
    void plugin.warm();
    startupSnapshot.setDeserializeMainFunction(() => void plugin.start(resolved()));
    return Promise.resolve(undefined);
  }
  return plugin.start(resolved());
}

interface PreparedPlugin {
  /** Generates every protobuf codec and encodes the constant answers ahead of the first call. */
  warm(): Promise<void>;
  start(options: ServePluginOptions): Promise<RunningPlugin | undefined>;
}

function preparePlugin(server: ProviderServer): PreparedPlugin {
  const root = protobuf.Root.fromJSON(JSON.parse(protoDescriptorJson) as protobuf.INamespace).resolveAll();
  // The logger depends on the launch's environment; handlers made now log through whichever start() sets.
  let log: Logger = createLogger("plugin", "off");
  const forward: Logger = {
    trace: (message, fields) => log.trace(message, fields),
    debug: (message, fields) => log.debug(message, fields),
    info: (message, fields) => log.info(message, fields),
    warn: (message, fields) => log.warn(message, fields),
    error: (message, fields) => log.error(message, fields),
  };
  const implementation = providerService(server, forward);
  const service = serviceOf(root, "tfplugin6.Provider");
  const methods = new Map<string, UnaryHandler>();
  for (const method of service.methodsArray) {
    const handle = implementation[method.name];
    if (!handle) {
      continue; // not served: the client gets UNIMPLEMENTED
    }
    const request = method.resolvedRequestType as protobuf.Type;
    const response = method.resolvedResponseType as protobuf.Type;
    const call: UnaryHandler = async (bytes) => encode(response, await handle(decode(request, bytes)));
    const path = `/${service.fullName.slice(1)}/${method.name}`;
    if (CONSTANT_ANSWERS.has(method.name)) {
      let answer: Promise<Uint8Array> | undefined;
      methods.set(path, () => {
        answer ??= call(EMPTY);
        return answer;
      });
    } else {
      methods.set(path, call);
    }
  }
  return {
    warm: async () => {
      for (const type of typesOf(root)) {
        type.setup(); // generates the type's codec functions now rather than at its first use
      }
      for (const name of CONSTANT_ANSWERS) {
        await methods.get(`/tfplugin6.Provider/${name}`)?.(EMPTY);
      }
    },
    start: async (options) => {
      const env = options.env ?? process.env;
      const debug = options.debug ?? false;
      log = createLogger(`provider.${options.address.split("/").pop() ?? "plugin"}`, logLevelFromEnv(env));
      const problem = debug ? undefined : handshakeProblem(env);
      if (problem) {
        process.stderr.write(problem);
        process.exitCode = 1;
        return undefined;
      }
      return listen(methods, log, options.address, debug, env);
    },
  };
}

async function listen(
  methods: ReadonlyMap<string, UnaryHandler>,
  log: Logger,
  address: string,
  debug: boolean,
  env: NodeJS.ProcessEnv,
): Promise<RunningPlugin> {
  const socketDir = mkdtempSync(join(tmpdir(), "plugin"));
  const socketPath = join(socketDir, "plugin.sock");
  const clientCertPem = debug ? undefined : env.PLUGIN_CLIENT_CERT;
  const cert = clientCertPem ? createSelfSignedCert() : undefined;
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      rmSync(socketDir, { recursive: true, force: true });
      resolve();
    };
  });
  let grpc: GrpcServer | undefined;
  const all = new Map(methods);
  all.set("/plugin.GRPCController/Shutdown", async () => {
    // After this answer is on its way: close gracefully, exit either way soon after.
    setImmediate(() => grpc && shutdown(grpc, log, debug ? stop : () => exitProcess(stop)));
    return EMPTY;
  });
  grpc = await listenGrpc(socketPath, {
    methods: all,
    maxMessageBytes: MAX_MESSAGE_BYTES,
    tls: cert && clientCertPem ? { keyPem: cert.keyPem, certPem: cert.certPem, clientCertPem } : undefined,
    onError: (message, error) => log.error(message, { error: errorMessage(error) }),
  });
  // Ctrl-C reaches the whole process group; like go-plugin servers, ignore it and let core call StopProvider.
  if (!debug) {
    process.on("SIGINT", () => log.debug("plugin received interrupt signal, ignoring"));
  }
  process.on("exit", () => rmSync(socketDir, { recursive: true, force: true }));
  process.stdout.write(debug ? reattachLine(address, socketPath, process.pid) : handshakeLine(socketPath, cert?.der));
  log.debug("plugin started", { address: socketPath, tls: Boolean(cert) });
  return { socketPath, stopped };
}

/** How request and response objects look (what @grpc/proto-loader produced with the same options). */
const objectOptions: protobuf.IConversionOptions = { longs: Number, enums: String, defaults: false, oneofs: true };

function serviceOf(root: protobuf.Namespace, name: string): protobuf.Service {
  const service = root.lookup(name);
  if (!(service instanceof protobuf.Service)) {
    throw new Error(`service ${name} missing from the embedded descriptor`);
  }
  return service;
}

function* typesOf(namespace: protobuf.NamespaceBase): Generator<protobuf.Type> {
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type) {
      yield nested;
    }
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) {
      yield* typesOf(nested);
    }
  }
}

function encode(type: protobuf.Type, value: object): Uint8Array {
  return type.encode(type.fromObject(value)).finish();
}

function decode(type: protobuf.Type, bytes: Uint8Array): object {
  return type.toObject(type.decode(bytes), objectOptions);
}

/** Lets the Shutdown reply flush, then stops; a stuck connection must not keep the process alive. */
function shutdown(grpc: GrpcServer, log: Logger, done: () => void): void {
  log.debug("shutdown requested");
  const force = setTimeout(() => {
    grpc.destroy();
    done();
  }, 100);
  void grpc.close().then(() => {
    clearTimeout(force);
    done();
  });
}

function exitProcess(cleanup: () => void): void {
  cleanup();
  process.exit(0);
}
