// The part of gRPC a plugin serves: unary calls over HTTP/2 (node:http2), with mutual TLS when a client certificate
// is given. Terraform and OpenTofu make only unary calls to a provider, so this is all of gRPC they need, and it
// starts in a fraction of what loading @grpc/grpc-js costs every provider launch (a plan launches three).
//
// Wire format (gRPC over HTTP/2): a POST to /<service>/<method> with content-type application/grpc; the body is one
// length-prefixed message (1 byte "compressed" = 0, 4 bytes big-endian length, the protobuf bytes); the answer is
// the same framing followed by trailers carrying grpc-status and grpc-message. Errors with no answer are
// "trailers-only": the status rides in the response headers.
//
// node:http2 is imported when the server starts, not when this module loads: a startup snapshot (which can't hold
// node:http2 in Node 20) then holds everything else.
import type { Http2SecureServer, Http2Server, Http2Session, IncomingHttpHeaders, ServerHttp2Stream } from "node:http2";

/** gRPC status codes this server answers with. */
export const GrpcStatus = { OK: 0, INTERNAL: 13, UNIMPLEMENTED: 12, RESOURCE_EXHAUSTED: 8 } as const;

/** One unary method: the request's bytes in, the answer's bytes out. */
export type UnaryHandler = (request: Uint8Array) => Promise<Uint8Array>;

export interface GrpcServerOptions {
  /** Methods by path, `/tfplugin6.Provider/GetProviderSchema`. */
  readonly methods: ReadonlyMap<string, UnaryHandler>;
  /** Requests larger than this are refused with RESOURCE_EXHAUSTED. */
  readonly maxMessageBytes: number;
  /** Mutual TLS: the server's key and certificate, and the one client certificate accepted. Plaintext if absent. */
  readonly tls?: { readonly keyPem: string; readonly certPem: string; readonly clientCertPem: string };
  /** Called for a method that failed (the client gets INTERNAL), and for connection errors. */
  readonly onError: (message: string, error: unknown) => void;
}

export interface GrpcServer {
  /** Stops accepting connections, lets calls in flight finish, and resolves when all connections are closed. */
  close(): Promise<void>;
  /** Closes every connection now. */
  destroy(): void;
}

const FRAME_HEADER_BYTES = 5;

export async function listenGrpc(socketPath: string, options: GrpcServerOptions): Promise<GrpcServer> {
  const http2 = await import("node:http2");
  // As @grpc/grpc-js configures its servers: header blocks and session memory are bounded by the message limit.
  const serverOptions = {
    maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
    maxSessionMemory: Number.MAX_SAFE_INTEGER,
  };
  const server: Http2Server | Http2SecureServer = options.tls
    ? http2.createSecureServer({
        ...serverOptions,
        key: options.tls.keyPem,
        cert: options.tls.certPem,
        ca: options.tls.clientCertPem,
        // Only the CLI that launched this process holds the client certificate; nobody else may call.
        requestCert: true,
        rejectUnauthorized: true,
        allowHTTP1: false,
      })
    : http2.createServer(serverOptions);
  const sessions = new Set<Http2Session>();
  server.on("session", (session: Http2Session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  server.on("sessionError", (error: unknown) => options.onError("HTTP/2 session error", error));
  server.on("stream", (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => serveCall(stream, headers, options));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) {
          session.close();
        }
      }),
    destroy: () => {
      for (const session of sessions) {
        session.destroy();
      }
    },
  };
}

function serveCall(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, options: GrpcServerOptions): void {
  // A client that goes away mid-call resets the stream; nothing is left to answer.
  stream.on("error", () => {});
  const contentType = headers["content-type"] ?? "";
  if (headers[":method"] !== "POST" || !contentType.startsWith("application/grpc")) {
    stream.respond({ ":status": 415 }, { endStream: true });
    return;
  }
  const path = headers[":path"] ?? "";
  const handler = options.methods.get(path);
  if (!handler) {
    stream.resume();
    finish(stream, GrpcStatus.UNIMPLEMENTED, `The server does not implement the method ${path}`);
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  stream.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > options.maxMessageBytes + FRAME_HEADER_BYTES) {
      finish(stream, GrpcStatus.RESOURCE_EXHAUSTED, `Received message larger than max (${options.maxMessageBytes})`);
      return;
    }
    chunks.push(chunk);
  });
  stream.on("end", () => {
    if (stream.headersSent || stream.destroyed) {
      return;
    }
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    const message = unframe(body);
    if (typeof message === "string") {
      finish(stream, GrpcStatus.INTERNAL, message);
      return;
    }
    handler(message).then(
      (answer) => finish(stream, GrpcStatus.OK, "", answer),
      (error: unknown) => {
        options.onError(`${path} failed`, error);
        finish(stream, GrpcStatus.INTERNAL, error instanceof Error ? error.message : String(error));
      },
    );
  });
}

/** The one message of a unary request, or why there is none. */
function unframe(body: Buffer): Uint8Array | string {
  if (body.length < FRAME_HEADER_BYTES) {
    return "Request ended before a whole message arrived";
  }
  if (body[0] !== 0) {
    return "Received a compressed message, but this server accepts only uncompressed ones";
  }
  const length = body.readUInt32BE(1);
  if (body.length !== FRAME_HEADER_BYTES + length) {
    return "A unary request must carry exactly one message";
  }
  return body.subarray(FRAME_HEADER_BYTES);
}

/** Answers with `message` bytes and OK, or (no answer) trailers-only with an error status. */
function finish(stream: ServerHttp2Stream, status: number, detail: string, answer?: Uint8Array): void {
  if (stream.headersSent || stream.destroyed) {
    return;
  }
  const trailers = { "grpc-status": String(status), "grpc-message": encodeGrpcMessage(detail) };
  if (answer === undefined) {
    stream.respond({ ":status": 200, "content-type": "application/grpc+proto", ...trailers }, { endStream: true });
    return;
  }
  stream.respond({ ":status": 200, "content-type": "application/grpc+proto" }, { waitForTrailers: true });
  stream.once("wantTrailers", () => stream.sendTrailers(trailers));
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + answer.length);
  frame[0] = 0;
  frame.writeUInt32BE(answer.length, 1);
  frame.set(answer, FRAME_HEADER_BYTES);
  stream.end(frame);
}

/** grpc-message is percent-encoded: bytes outside printable ASCII, and '%' itself. */
function encodeGrpcMessage(text: string): string {
  let encoded = "";
  for (const byte of Buffer.from(text, "utf8")) {
    encoded +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}
