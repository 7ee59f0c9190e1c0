// Starts `keyward-server` as a child process on a free port and a fresh data file, exactly as a user
// would run it, and reads the one-time admin token and the URL it prints.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface StartedServer {
  url: string;
  adminToken: string;
  dataFile: string;
  stop(): Promise<void>;
}

const serverBin = createRequire(import.meta.url).resolve("@keyward/server/package.json").replace(/package\.json$/, "dist/bin/keyward-server.js");

export async function startKeywardServer(options: { seedDemo?: boolean } = {}): Promise<StartedServer> {
  const dataFile = join(await mkdtemp(join(tmpdir(), "keyward-demo-")), "keyward.json");
  const args = [serverBin, "--port", "0", "--data", dataFile, ...(options.seedDemo === false ? [] : ["--seed-demo"])];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, KEYWARD_LOG_LEVEL: process.env.KEYWARD_LOG_LEVEL ?? "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  let adminToken = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`keyward-server exited with code ${code} before listening`)));
    lines.on("line", (line) => {
      adminToken ||= /(kwa_[0-9A-Za-z]+)/.exec(line)?.[1] ?? "";
      const listening = /listening on (\S+)/.exec(line);
      if (listening?.[1]) resolve(listening[1]);
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, adminToken, dataFile, stop };
}
