// Child process of bench/auth.ts: one Keyward server on a fresh temp data file, so the load generator (in the
// parent) never shares a process with the server it measures. It logs as production does (createLogger: level
// info or KEYWARD_LOG_LEVEL, secrets redacted) to stderr, which the parent sends to a file.
//
//   node packages/testkit/dist/bench/auth-server.js [--no-enforcement]
//
// stdout: one JSON line per event, nothing else:
//   {"ready":true,"url":…,"adminToken":…,"dataFile":…,"pid":…}   once listening
//   {"fileWrites":n,"cpuUs":n}                                     for each "stats" line on stdin
//                                       (store.fileWrites; this process's user+system CPU time in µs)
//   {"closed":true,"fileWrites":n}                                 after "close" on stdin (then exits 0)
//   {"profiling":true} / {"profiled":path}        after "profile-start" / "profile-stop <path>": a V8 CPU profile
//                                       of what happens in between, written to <path> (.cpuprofile)
// Closing stdin (parent gone) or SIGTERM/SIGINT also closes the server cleanly and exits.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createLogger, startServer } from "@keyward/server";

const enforcement = !process.argv.includes("--no-enforcement");
const dir = mkdtempSync(join(tmpdir(), "keyward-bench-"));
const dataFile = join(dir, "keyward.json");
const send = (object: object) => process.stdout.write(`${JSON.stringify(object)}\n`);

const server = await startServer({
  dataFile,
  port: 0,
  host: "127.0.0.1",
  seedDemo: true,
  logger: createLogger(),
  enforcement,
  // usageFlushMs left at the server's default (5000 ms): that is what is being measured.
});

let closing: Promise<void> | null = null;
/** Writes of the embedded store's file (the benchmark runs on it; a PostgreSQL store writes no file). */
function fileWrites(): number {
  return "fileWrites" in server.store ? server.store.fileWrites : 0;
}

function shutdown(code = 0): Promise<void> {
  closing ??= (async () => {
    try {
      await server.close();
      send({ closed: true, fileWrites: fileWrites() });
    } catch (error) {
      process.stderr.write(`bench-server: close failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      code = 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    process.exit(code);
  })();
  return closing;
}

process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const command = line.trim();
  if (command === "stats") {
    const cpu = process.cpuUsage();
    send({ fileWrites: fileWrites(), cpuUs: cpu.user + cpu.system });
  } else if (command === "profile-start") {
    void startProfile().then(() => send({ profiling: true }));
  } else if (command.startsWith("profile-stop ")) {
    void stopProfile(command.slice("profile-stop ".length)).then((path) => send({ profiled: path }));
  } else if (command === "close") {
    void shutdown(0);
  } else if (command) {
    process.stderr.write(`bench-server: unknown command ${JSON.stringify(command)}\n`);
  }
});
lines.on("close", () => void shutdown(0));

let profiler: Session | null = null;
async function startProfile(): Promise<void> {
  profiler = new Session();
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.start");
}
async function stopProfile(path: string): Promise<string> {
  if (!profiler) {
    throw new Error("profile-stop without profile-start");
  }
  const { profile } = await profiler.post("Profiler.stop");
  writeFileSync(path, JSON.stringify(profile));
  profiler.disconnect();
  profiler = null;
  return path;
}

send({ ready: true, url: server.url, adminToken: server.issuedAdminToken, dataFile, enforcement, pid: process.pid });
