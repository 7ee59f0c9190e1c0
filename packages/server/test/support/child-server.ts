// keyward-server as a child process (the built bin), for tests that need a real process: SIGKILL, captured
// stderr, the environment. The spawning itself is shared with the fuzz and soak scripts.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { testDatabaseFor, testStoreKind } from "./test-store.js";
// @ts-expect-error -- a plain ESM script without type declarations
import * as script from "../../../../scripts/fuzz-contract.mjs";

export interface ChildServer {
  url: string;
  /** The admin token printed on first start (null on a restart). */
  adminToken: string | null;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ChildServerOptions {
  dataFile: string;
  args?: string[];
  env?: Record<string, string>;
}

export const fuzzScript = script as {
  schemathesisInstalled(): boolean;
  INSTALL_HINT: string;
  startServerProcess(options: ChildServerOptions): Promise<ChildServer>;
};

const SERVER = fileURLToPath(new URL("../../", import.meta.url));

function newest(dir: string, suffix: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, suffix));
    else if (entry.name.endsWith(suffix)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds packages/server when dist/ is missing or older than src/ (the child runs dist/bin). */
export function ensureServerBuilt(): void {
  let built = 0;
  try {
    built = newest(join(SERVER, "dist"), ".js");
  } catch {
    built = 0;
  }
  if (built >= newest(join(SERVER, "src"), ".ts")) return;
  const tsc = fileURLToPath(new URL("../../../../node_modules/typescript/bin/tsc", import.meta.url));
  const result = spawnSync(process.execPath, [tsc, "-b", SERVER], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building packages/server failed:\n${result.stdout}${result.stderr}`);
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  ensureServerBuilt();
  if (testStoreKind !== "postgres") return fuzzScript.startServerProcess(options);
  const database = await testDatabaseFor(options.dataFile);
  return fuzzScript.startServerProcess({ ...options, env: { KEYWARD_DATABASE_URL: database.url, ...options.env } });
}
