// keyward-server as a child process (the package's bin), exactly as a user runs it: for tests that need a real
// process (SIGKILL, captured stderr, the environment), contract fuzzing, the soak benchmark and the demo.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { testDatabaseFor, testStoreKind } from "./test-store.js";

const require = createRequire(import.meta.url);

export interface ChildServerOptions {
  dataFile: string;
  args?: string[];
  /** Added to this process's environment; KEYWARD_LOG_LEVEL is "warn" unless given here. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** "capture" (default): kept for `stderr()`; "inherit": the server's logs go to this process's stderr. */
  stderr?: "capture" | "inherit";
  /** Another installation's `keyward-server` (default: this repository's, built first when stale). */
  bin?: string;
  cwd?: string;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildServer {
  url: string;
  /** The admin token printed on first start (null on a restart). */
  adminToken: string | null;
  pid: number;
  child: ChildProcess;
  exited: Promise<ChildExit>;
  /** What the server wrote on stderr so far (its logs), when captured. */
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<ChildExit>;
}

/** The package folder of @keyward/server, wherever it is installed. */
export function serverPackageDir(): string {
  return dirname(require.resolve("@keyward/server/package.json"));
}

/** The `keyward-server` bin of the installed @keyward/server. */
export function serverBin(): string {
  const dir = serverPackageDir();
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { bin: Record<string, string> };
  const bin = manifest.bin["keyward-server"];
  if (!bin) {
    throw new Error(`${dir}/package.json has no keyward-server bin`);
  }
  return join(dir, bin);
}

/** The one-time admin token in a line the server prints on first start, if the line is that one. */
export function readAdminToken(line: string): string | undefined {
  return /^Admin token[^:]*: (kwa_\S+)$/.exec(line.trim())?.[1];
}

/** The URL in the line the server prints once it listens, if the line is that one. */
export function readListeningUrl(line: string): string | undefined {
  return /^Keyward listening on (\S+)/.exec(line.trim())?.[1];
}

function newest(dir: string, suffix: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      latest = Math.max(latest, newest(path, suffix));
    } else if (entry.name.endsWith(suffix)) {
      latest = Math.max(latest, statSync(path).mtimeMs);
    }
  }
  return latest;
}

/** In the repository, builds packages/server when dist/ is missing or older than src/ (the bin runs dist/). */
export function ensureServerBuilt(): void {
  const dir = serverPackageDir();
  if (!existsSync(join(dir, "src"))) {
    return; // installed from a package: nothing to build
  }
  const built = existsSync(join(dir, "dist")) ? newest(join(dir, "dist"), ".js") : 0;
  if (built >= newest(join(dir, "src"), ".ts")) {
    return;
  }
  const result = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", dir], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`building packages/server failed:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Starts `keyward-server` on a free port (building it first in the repository). Resolves once it prints its
 * URL, with the admin token it printed.
 */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  if (!options.bin) {
    ensureServerBuilt();
  }
  const { dataFile, args = [], timeoutMs = 30_000, stderr: stderrMode = "capture" } = options;
  // In the PostgreSQL tier, each data file stands for its own database, so a restart "on the same data" finds it.
  const env =
    testStoreKind === "postgres" && !options.env?.KEYWARD_DATABASE_URL
      ? { KEYWARD_DATABASE_URL: (await testDatabaseFor(dataFile)).url, ...options.env }
      : (options.env ?? {});
  const child = spawn(process.execPath, [options.bin ?? serverBin(), "--port", "0", "--data", dataFile, ...args], {
    ...(options.cwd !== undefined && { cwd: options.cwd }),
    env: { ...process.env, KEYWARD_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", stderrMode === "capture" ? "pipe" : "inherit"],
  });
  const stderr: Buffer[] = [];
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<ChildExit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let adminToken: string | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`keyward-server did not start within ${timeoutMs} ms:\n${Buffer.concat(stderr)}`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout as Readable }).on("line", (line) => {
      adminToken = readAdminToken(line) ?? adminToken;
      const listening = readListeningUrl(line);
      if (listening) {
        clearTimeout(timer);
        resolve(listening);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(`keyward-server exited before listening (code ${code}, signal ${signal}):\n${Buffer.concat(stderr)}`),
      );
    });
  });
  return {
    url,
    adminToken,
    pid: child.pid ?? 0,
    child,
    exited,
    stderr: () => Buffer.concat(stderr).toString("utf8"),
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
      return exited;
    },
  };
}
