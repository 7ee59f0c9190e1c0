// `npm run bench:auth`: what enforcing scoped keys costs on the business API ("every decision is cheap;
// verifying a key never touches the disk") and how often the data file is written under load (usage timestamps
// coalesced, group commit).
//
// Two servers run as child processes (bench/auth-server.ts): one enforcing keys, one started
// with `enforcement: false` (benchmarks only: no authentication or authorization). The load
// generator (autocannon) runs here, in the parent, against one server at a time, alternating
// rounds A, B, A, B, … with identical settings, so drift of the machine hits both sides alike.
//
// Targets: median req/s enforced / unenforced ≥ 0.85; data-file writes at full load ≤ 1 per second.
// Exits non-zero when a target or a sanity check is missed; the servers are always stopped.
//
// Tunables (environment): BENCH_ROUNDS (5), BENCH_ROUND_S (5), BENCH_WARMUP_S (2),
// BENCH_CONNECTIONS (50), BENCH_WRITES_S (10), BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof
// --cpu-prof-dir=/tmp/prof" to profile the servers).
import { execFileSync, spawn } from "node:child_process";
import { watch } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createKeywardClient, unwrap } from "@keyward/sdk";
import autocannon from "autocannon";

interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}
type Message = Record<string, unknown>;
interface Waiter {
  test: (message: Message) => boolean;
  resolve: (message: Message) => void;
  reject: (error: Error) => void;
}
interface Stats {
  fileWrites: number;
  cpuUs: number;
}
interface BenchServer {
  label: string;
  url: string;
  adminToken: string;
  dataFile: string;
  pid: number;
  stats(): Promise<Stats>;
  fileWrites(): Promise<number>;
  stop(): Promise<ChildExit & { killed?: boolean; closed?: Message | null }>;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_S = Number(process.env.BENCH_ROUND_S ?? 5);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PIPELINING = 1;
const WRITES_S = Number(process.env.BENCH_WRITES_S ?? 10);
const CHILD_NODE_ARGS = (process.env.BENCH_CHILD_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
/** CPU list for the servers (taskset); the parent pins itself to CPU 0. "" = no pinning. */
const PIN_CPU = process.env.BENCH_PIN_CPU ?? (availableParallelism() >= 2 ? "1" : "");
if (PIN_CPU !== "") {
  execFileSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
}
const RATIO_TARGET = 0.85;
const WRITES_PER_S_TARGET = 1;
const EXPECTED_FIELDS = ["id", "name", "starts_at"];

const log = (text = "") => console.log(text);
const problems: string[] = [];
const check = (ok: boolean, text: string) => {
  log(`  ${ok ? "✔" : "✘"} ${text}`);
  if (!ok) {
    problems.push(text);
  }
  return ok;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── child servers ────────────────────────────────────────────────────────────────────────────────

/** Starts bench/auth-server.ts and talks to it over stdin/stdout, one JSON line at a time. */
async function startChild(label: string, args: string[]): Promise<BenchServer> {
  const script = fileURLToPath(new URL("./auth-server.js", import.meta.url));
  // Both servers run on the same CPU and the load generator on the other, so neither side is measured
  // on a core it shares with autocannon (on 2 cores the unpinned placement decided the ratio run to run).
  const command: [string, ...string[]] =
    PIN_CPU === "" ? [process.execPath] : ["taskset", "-c", PIN_CPU, process.execPath];
  const child = spawn(command[0], [...command.slice(1), ...CHILD_NODE_ARGS, script, ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting: Waiter[] = [];
  let exited: ChildExit | null = null;
  const exitedPromise = new Promise<ChildExit>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  exitedPromise.then(({ code, signal }) => {
    for (const waiter of waiting.splice(0)) {
      waiter.reject(new Error(`${label} server exited (code ${code}, signal ${signal})`));
    }
  });
  createInterface({ input: child.stdout }).on("line", (line) => {
    let message: Message;
    try {
      message = JSON.parse(line) as Message;
    } catch {
      process.stderr.write(`[${label} server] ${line}\n`);
      return;
    }
    const index = waiting.findIndex((waiter) => waiter.test(message));
    if (index >= 0) {
      waiting.splice(index, 1)[0]?.resolve(message);
    }
  });
  const next = (test: (message: Message) => boolean, timeoutMs = 30_000) =>
    new Promise<Message>((resolve, reject) => {
      if (exited) {
        return reject(new Error(`${label} server exited (code ${exited.code})`));
      }
      const timer = setTimeout(
        () => reject(new Error(`${label} server did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      waiting.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });

  const ready = await next((m) => m.ready === true, 60_000);
  const server: BenchServer = {
    label,
    url: String(ready.url),
    adminToken: String(ready.adminToken),
    dataFile: String(ready.dataFile),
    pid: Number(ready.pid),
    /** {fileWrites, cpuUs}: the store's completed data-file writes and the child's CPU time so far. */
    async stats() {
      const answer = next((m) => typeof m.fileWrites === "number" && !m.closed);
      child.stdin.write("stats\n");
      return answer as unknown as Stats;
    },
    async fileWrites() {
      return (await server.stats()).fileWrites;
    },
    /** Asks for a clean close (flushes usage, finishes writes); kills it if that takes too long. */
    async stop() {
      if (exited) {
        return exited;
      }
      const closed = next((m) => m.closed === true, 15_000).catch(() => null);
      child.stdin.write("close\n");
      child.stdin.end();
      const answer = await Promise.race([closed, exitedPromise.then(() => null)]);
      const result = await Promise.race([exitedPromise, sleep(15_000).then(() => null)]);
      if (!result) {
        child.kill("SIGKILL");
        return { ...(await exitedPromise), killed: true, closed: answer };
      }
      return { ...result, closed: answer };
    },
  };
  return server;
}

// ── load ─────────────────────────────────────────────────────────────────────────────────────────

function load(url: string, headers: Record<string, string>, durationS: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, headers, connections: CONNECTIONS, pipelining: PIPELINING, duration: durationS },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

interface RoundResult {
  rps: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  cpuPerRequest: number;
}

function summarise(result: autocannon.Result): RoundResult {
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuPerRequest: 0,
  };
}

const fmtRps = (value: number) => Math.round(value).toLocaleString("en-US").padStart(7);
const fmtMs = (value: number) => String(value).padStart(4);

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

const servers: BenchServer[] = [];
let fieldsOk = false;
let exitCode = 1;
try {
  log(
    `Keyward bench:auth — node ${process.version}, ${CONNECTIONS} connections, pipelining ${PIPELINING}, ` +
      `${ROUNDS}×${ROUND_S} s rounds per side after ${WARMUP_S} s warm-up each`,
  );
  log("\n▸ Starting two servers as child processes");
  const [enforced, open] = await Promise.all([
    startChild("enforced", []),
    startChild("unenforced", ["--no-enforcement"]),
  ]);
  servers.push(enforced, open);
  log(`  enforced      ${enforced.url} (pid ${enforced.pid}, data ${enforced.dataFile})`);
  log(`  no enforcement ${open.url} (pid ${open.pid}, data ${open.dataFile})`);

  // External write counter: lowdb writes `.keyward.json.tmp` then renames it onto `keyward.json`.
  const dataName = basename(enforced.dataFile);
  const watchCounts = { total: 0 };
  const watcher = watch(dirname(enforced.dataFile), (event, filename) => {
    if (event === "rename" && filename === dataName) {
      watchCounts.total++;
    }
  });
  const writesAtWatchStart = await enforced.fileWrites();

  log("\n▸ Setting up a field-restricted key through the SDK (admin token)");
  const admin = createKeywardClient({ baseUrl: enforced.url, token: enforced.adminToken });
  const role = unwrap(
    await admin.POST("/v1/roles", {
      body: {
        name: "bench-events-reader",
        description: "bench:auth — reads events, some fields",
        permissions: [{ resource: "events", actions: ["read"], fields: ["name", "starts_at", "ends_at", "venue"] }],
      },
    }),
  );
  const user = unwrap(
    await admin.POST("/v1/users", {
      body: { username: "bench-integration", name: "bench:auth integration", kind: "integration", role_ids: [role.id] },
    }),
  );
  const key = unwrap(
    await admin.POST("/v1/api-keys", {
      body: {
        name: "bench:auth key",
        user_id: user.id,
        permissions: [{ resource: "events", actions: ["read"], fields: ["name", "starts_at"] }],
      },
    }),
  );
  log(
    `  role ${role.id} (events:read name,starts_at,ends_at,venue), user ${user.username}, key #${key.number} ${key.prefix}… (events:read name,starts_at)`,
  );
  if (!key.token) {
    throw new Error("the create response had no token");
  }
  const integration = createKeywardClient({ baseUrl: enforced.url, token: key.token });
  const events = unwrap(await integration.GET("/v1/events"));
  const eventId = events.data[0]?.id;
  if (!eventId) {
    throw new Error("GET /v1/events returned no event");
  }
  log(`  GET /v1/events with the key → ${events.data.length} events; measuring GET /v1/events/${eventId}`);

  // Each server seeded its own store (ids are random): take the same event, by name, on the other one.
  const eventName = events.data[0]?.name;
  const openEvents = (await (await fetch(`${open.url}/v1/events`)).json()) as { data?: { id: string; name: string }[] };
  const openEventId = openEvents.data?.find((event) => event.name === eventName)?.id;
  if (!openEventId) {
    throw new Error(`the unenforced server has no event named ${eventName}`);
  }
  log(`  same event on the unenforced server: ${openEventId} (${eventName})`);
  const target = { enforced: `${enforced.url}/v1/events/${eventId}`, open: `${open.url}/v1/events/${openEventId}` };
  const authHeaders = { authorization: `Bearer ${key.token}` };

  log("\n▸ Sanity checks");
  const sample = await fetch(target.enforced, { headers: authHeaders });
  const sampleBody = await sample.json();
  const sampleFields = Object.keys(sampleBody).sort();
  fieldsOk = check(
    sample.status === 200 && sampleFields.join(",") === EXPECTED_FIELDS.join(","),
    `enforced response is field-filtered: ${sample.status} ${JSON.stringify(sampleBody)}`,
  );
  const openSample = await fetch(target.open);
  const openBody = await openSample.json();
  check(
    openSample.status === 200,
    `unenforced response (all fields): ${openSample.status} ${JSON.stringify(openBody)}`,
  );
  const noAuth = await fetch(target.enforced);
  check(noAuth.status === 401, `enforced server refuses a request without a token → ${noAuth.status}`);
  const otherResource = await fetch(`${enforced.url}/v1/people`, { headers: authHeaders });
  check(otherResource.status === 403, `enforced server refuses the key on /v1/people → ${otherResource.status}`);

  log(`\n▸ Warm-up (${WARMUP_S} s each)`);
  await load(target.enforced, authHeaders, WARMUP_S);
  await load(target.open, {}, WARMUP_S);

  log(`\n▸ Alternating rounds (${ROUND_S} s each): A = enforced, B = no enforcement`);
  const rounds: Record<"enforced" | "open", RoundResult[]> = { enforced: [], open: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const side of ["enforced", "open"] as const) {
      const server = side === "enforced" ? enforced : open;
      const cpuBefore = (await server.stats()).cpuUs;
      const result = summarise(await load(target[side], side === "enforced" ? authHeaders : {}, ROUND_S));
      result.cpuPerRequest = ((await server.stats()).cpuUs - cpuBefore) / Math.max(1, result.total);
      rounds[side].push(result);
      const clean = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
      log(
        `  round ${round} ${side === "enforced" ? "A enforced      " : "B no enforcement"} ${fmtRps(result.rps)} req/s  p99 ${fmtMs(result.p99)} ms  ` +
          `server CPU ${result.cpuPerRequest.toFixed(0).padStart(4)} µs/req  (${result.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})${clean ? "" : "  ✘"}`,
      );
      if (!clean) {
        problems.push(
          `round ${round} ${side}: non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
        );
      }
    }
  }
  const after = await fetch(target.enforced, { headers: authHeaders });
  const afterFields = Object.keys(await after.json()).sort();
  fieldsOk =
    check(
      after.status === 200 && afterFields.join(",") === EXPECTED_FIELDS.join(","),
      `still field-filtered after the load: ${afterFields.join(",")}`,
    ) && fieldsOk;

  log(`\n▸ Data-file writes during ${WRITES_S} s at full load on the enforced server (usageFlushMs default)`);
  await sleep(200); // let fs events of earlier writes arrive before the window opens
  const watchBefore = watchCounts.total;
  const counterBefore = await enforced.fileWrites();
  const writeRun = summarise(await load(target.enforced, authHeaders, WRITES_S));
  const counterAfter = await enforced.fileWrites();
  await sleep(200); // a rename that completed inside the window may be reported a moment later
  const watchWrites = watchCounts.total - watchBefore;
  const counterWrites = counterAfter - counterBefore;
  log(
    `  load: ${fmtRps(writeRun.rps).trim()} req/s, ${writeRun.total} requests, non-2xx ${writeRun.non2xx}, errors ${writeRun.errors}`,
  );
  log(`  (a) fs.watch renames onto ${dataName}: ${watchWrites}`);
  log(`  (b) store.fileWrites counter:         ${counterWrites}`);
  if (writeRun.non2xx !== 0 || writeRun.errors !== 0 || writeRun.timeouts !== 0) {
    problems.push("write-count run had non-2xx/errors/timeouts");
  }
  // Cross-check of the two methods over the whole run since the watcher started.
  const watchTotal = watchCounts.total;
  const counterTotal = (await enforced.fileWrites()) - writesAtWatchStart;
  log(
    `  cross-check since the watcher started (incl. setup): fs.watch ${watchTotal}, counter ${counterTotal}` +
      `${watchTotal === counterTotal ? " (agree)" : " (DISAGREE)"}`,
  );
  watcher.close();

  // ── summary ──
  const eRps = median(rounds.enforced.map((r) => r.rps));
  const oRps = median(rounds.open.map((r) => r.rps));
  const eP99 = median(rounds.enforced.map((r) => r.p99));
  const oP99 = median(rounds.open.map((r) => r.p99));
  const ratio = eRps / oRps;
  const eCpu = median(rounds.enforced.map((r) => r.cpuPerRequest));
  const oCpu = median(rounds.open.map((r) => r.cpuPerRequest));
  const writes = Math.max(watchWrites, counterWrites);
  const writesPerS = writes / WRITES_S;
  const ratioOk = ratio >= RATIO_TARGET;
  const writesOk = writesPerS <= WRITES_PER_S_TARGET;
  const nonOk = rounds.enforced.concat(rounds.open).every((r) => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0);

  log("\n════════════════════════════════════════ summary ════════════════════════════════════════");
  log(
    `GET /v1/events/{id}   enforced        ${fmtRps(eRps)} req/s  p99 ${fmtMs(eP99)} ms   (median of ${ROUNDS} rounds)`,
  );
  log(
    `                      no enforcement  ${fmtRps(oRps)} req/s  p99 ${fmtMs(oP99)} ms   (median of ${ROUNDS} rounds)`,
  );
  log(
    `server CPU per request   enforced ${eCpu.toFixed(0)} µs, no enforcement ${oCpu.toFixed(0)} µs ` +
      `(enforcement costs ${(eCpu - oCpu).toFixed(0)} µs/req; CPU-bound ratio would be ${(oCpu / eCpu).toFixed(2)}x; informational, robust to other load)`,
  );
  log(`ratio enforced/unenforced ${ratio.toFixed(2)}x (target ≥ ${RATIO_TARGET})  ${ratioOk ? "PASS" : "FAIL"}`);
  log(
    `data-file writes in ${WRITES_S} s at full load: ${writes} (${writesPerS.toFixed(1)}/s, target ≤ ${WRITES_PER_S_TARGET}/s)  ${writesOk ? "PASS" : "FAIL"}` +
      `   [fs.watch ${watchWrites}, store.fileWrites ${counterWrites}]`,
  );
  log(
    `non-2xx/errors in every round: ${nonOk ? "none  PASS" : "FAIL"}; field filtering (sample has only ${EXPECTED_FIELDS.join(", ")}): ${fieldsOk ? "PASS" : "FAIL"}`,
  );
  if (!ratioOk) {
    problems.push(`ratio ${ratio.toFixed(2)} < ${RATIO_TARGET}`);
  }
  if (!writesOk) {
    problems.push(`${writesPerS.toFixed(1)} writes/s > ${WRITES_PER_S_TARGET}`);
  }
  exitCode = problems.length === 0 ? 0 : 1;
  if (problems.length) {
    log(`\nFAILED: ${[...new Set(problems)].join("; ")}`);
  }
} catch (error) {
  console.error(`\nbench:auth failed: ${error instanceof Error ? error.stack : String(error)}`);
  exitCode = 1;
} finally {
  const stopped = await Promise.all(servers.map(async (server) => [server.label, await server.stop()] as const));
  for (const [label, result] of stopped) {
    log(
      `stopped ${label} server: ${result.killed ? "KILLED after timeout" : `exit ${result.code}`}` +
        `${result.closed ? `, clean close (${result.closed.fileWrites} data-file writes in its life)` : ""}`,
    );
    if (result.killed || result.code !== 0) {
      exitCode = 1;
    }
  }
}
process.exit(exitCode);
