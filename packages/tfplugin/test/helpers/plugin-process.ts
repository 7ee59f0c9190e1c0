import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { MAGIC_COOKIE_VALUE } from "../../src/protocol/handshake.js";

export interface PluginProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** The go-plugin handshake line, split into its six fields. */
  readonly handshake: string[];
  readonly exited: Promise<number | null>;
}

/** Starts a bundled provider as Terraform does (magic cookie, protocol versions, client certificate). */
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
