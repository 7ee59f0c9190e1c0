/** go-plugin handshake facts shared by Terraform and OpenTofu. */
export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
export const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
export const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

export const NOT_A_PLUGIN_MESSAGE =
  "This binary is a plugin. These are not meant to be executed directly.\n" +
  "Please execute the program that consumes these plugins, which will\n" +
  "load any plugins automatically\n";

/** Why this process must not serve, or undefined when the environment is a go-plugin client's. */
export function handshakeProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return NOT_A_PLUGIN_MESSAGE;
  }
  const versions = env.PLUGIN_PROTOCOL_VERSIONS;
  if (
    versions &&
    !versions
      .split(",")
      .map((v) => v.trim())
      .includes(String(APP_PROTOCOL_VERSION))
  ) {
    return `This plugin speaks protocol version ${APP_PROTOCOL_VERSION}; the client accepts only ${versions}.\n`;
  }
  return undefined;
}

/** `1|6|unix|<path>|grpc|<cert>`: the certificate is base64 DER without '=' padding (Go RawStdEncoding). */
export function handshakeLine(socketPath: string, certDer: Uint8Array | undefined): string {
  const cert = certDer ? Buffer.from(certDer).toString("base64").replace(/=+$/, "") : "";
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|unix|${socketPath}|grpc|${cert}\n`;
}

/** The line a debug-mode server prints so developers can point Terraform at it. */
export function reattachLine(address: string, socketPath: string, pid: number): string {
  const config = {
    [address]: {
      Protocol: "grpc",
      ProtocolVersion: APP_PROTOCOL_VERSION,
      Pid: pid,
      Test: true, // required for protocol 6: without it go-plugin negotiates version 0 → protocol 5
      Addr: { Network: "unix", String: socketPath },
    },
  };
  return `TF_REATTACH_PROVIDERS='${JSON.stringify(config)}'\n`;
}
