// `npm run bench:auth`: Keyward's per-request cost next to the platform's limit, side by side in one run, plus what
// enforcing scoped keys costs and how often the data file is written under load.
//
// Servers, each a child process pinned to one CPU (taskset) while this process (autocannon) runs on the other:
//   - bench/bare-server.ts: bare `node:http` and a bare Express 5 route answering the enforced GET's exact body;
//   - bench/auth-server.ts twice: Keyward enforcing keys, and Keyward with `enforcement: false` (benchmarks only),
//     both logging as in production (level info, secrets redacted) to a file.
// Rows, measured in turn within every round (the order rotates per round), so drift of a shared machine hits all
// rows alike; a figure is the median of the rounds, and each Keyward figure is divided by the bare Express route:
//   bare node:http · bare Express · GET /v1/health · GET /v1/events/{id} with a field-restricted key (enforced) ·
//   the same GET without enforcement · POST /v1/keys/verify as a gateway calls it · GET /v1/events?limit=50.
//
// Targets: enforced GET and verify ≥ 0.8× bare Express; the list of 50 ≥ 0.5×; enforced / unenforced GET ≥ 0.85;
// data-file writes at full load ≤ 1 per second. Exits non-zero when a target or a sanity check is missed; the
// servers are always stopped.
//
// Tunables (environment): BENCH_ROUNDS (5), BENCH_ROUND_S (5), BENCH_WARMUP_S (2), BENCH_CONNECTIONS (50),
// BENCH_WRITES_S (10), BENCH_PIN_CPU ("1"; "" = no pinning), BENCH_ONLY (comma-separated row ids, for profiling),
// BENCH_PROFILE_DIR (a V8 CPU profile of each Keyward server over the rounds only, e.g. with BENCH_ONLY=get;
// read with bench/cpu-profile-top.ts), BENCH_CHILD_NODE_ARGS (extra node flags for the servers).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, watch } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createKeywardClient, unwrap } from "@keyward/sdk";
import autocannon from "autocannon";
import { fullAccessIntegration } from "../admin.js";

type Message = Record<string, unknown>;
interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}
interface Waiter {
  test: (message: Message) => boolean;
  resolve: (message: Message) => void;
  reject: (error: Error) => void;
}
/** A bench child process spoken to one JSON line at a time (stdin commands, stdout answers). */
interface Child {
  label: string;
  ready: Message;
  /** This process's CPU time so far (µs), and the Keyward store's completed data-file writes. */
  stats(): Promise<{ cpuUs: number; fileWrites?: number }>;
  /** Sends a command and waits for the answer that has `field`. */
  ask(command: string, field: string): Promise<Message>;
  stop(): Promise<ChildExit & { killed?: boolean; closed?: Message | null }>;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_S = Number(process.env.BENCH_ROUND_S ?? 5);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WRITES_S = Number(process.env.BENCH_WRITES_S ?? 10);
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? "";
const CHILD_NODE_ARGS = (process.env.BENCH_CHILD_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
/** CPU list for the servers (taskset); the parent pins itself to CPU 0. "" = no pinning. */
const PIN_CPU = process.env.BENCH_PIN_CPU ?? (availableParallelism() >= 2 ? "1" : "");
if (PIN_CPU !== "") {
  execFileSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
}
const ENFORCEMENT_RATIO_TARGET = 0.85;
const WRITES_PER_S_TARGET = 1;
const LIST_SIZE = 50;
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
const load1 = () => loadavg()[0]?.toFixed(2) ?? "?";

// ── child processes ──────────────────────────────────────────────────────────────────────────────

/** Starts a bench child script, pinned to PIN_CPU, with its stderr going to `stderrFd` (or here). */
async function startChild(label: string, script: string, args: string[], stderrFd?: number): Promise<Child> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const command: [string, ...string[]] =
    PIN_CPU === "" ? [process.execPath] : ["taskset", "-c", PIN_CPU, process.execPath];
  const child = spawn(command[0], [...command.slice(1), ...CHILD_NODE_ARGS, path, ...args], {
    stdio: ["pipe", "pipe", stderrFd ?? "inherit"],
  });
  const { stdin, stdout } = child;
  if (!stdin || !stdout) {
    throw new Error(`${label}: no stdin/stdout pipe`);
  }
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
      waiter.reject(new Error(`${label} exited (code ${code}, signal ${signal})`));
    }
  });
  createInterface({ input: stdout }).on("line", (line) => {
    let message: Message;
    try {
      message = JSON.parse(line) as Message;
    } catch {
      process.stderr.write(`[${label}] ${line}\n`);
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
        return reject(new Error(`${label} exited (code ${exited.code})`));
      }
      const timer = setTimeout(() => reject(new Error(`${label} did not answer within ${timeoutMs} ms`)), timeoutMs);
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
  return {
    label,
    ready,
    async stats() {
      const answer = next((m) => typeof m.cpuUs === "number");
      stdin.write("stats\n");
      return (await answer) as unknown as { cpuUs: number; fileWrites?: number };
    },
    async ask(command, field) {
      const answer = next((m) => field in m, 120_000);
      stdin.write(`${command}\n`);
      return answer;
    },
    /** Asks for a clean close (Keyward flushes usage and finishes writes); kills it if that takes too long. */
    async stop() {
      if (exited) {
        return exited;
      }
      const closed = next((m) => m.closed === true, 15_000).catch(() => null);
      stdin.write("close\n");
      stdin.end();
      const answer = await Promise.race([closed, exitedPromise.then(() => null)]);
      const result = await Promise.race([exitedPromise, sleep(15_000).then(() => null)]);
      if (!result) {
        child.kill("SIGKILL");
        return { ...(await exitedPromise), killed: true, closed: answer };
      }
      return { ...result, closed: answer };
    },
  };
}

// ── load ─────────────────────────────────────────────────────────────────────────────────────────

interface Row {
  id: string;
  label: string;
  server: Child;
  /** Keyward rows are divided by bare Express; the bare rows are the reference. */
  keyward: boolean;
  target?: number;
  request: { url: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
}

interface RoundResult {
  rps: number;
  p99: number;
  total: number;
  bad: number;
  cpuPerRequest: number;
}

function load(row: Row, durationS: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...row.request, connections: CONNECTIONS, pipelining: 1, duration: durationS }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function measure(row: Row, durationS: number): Promise<RoundResult> {
  const before = (await row.server.stats()).cpuUs;
  const result = await load(row, durationS);
  const total = result.requests.total;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    total,
    bad: result.non2xx + result.errors + result.timeouts,
    cpuPerRequest: ((await row.server.stats()).cpuUs - before) / Math.max(1, total),
  };
}

const fmtRps = (value: number) => Math.round(value).toLocaleString("en-US");

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

const children: Child[] = [];
const workDir = mkdtempSync(join(tmpdir(), "keyward-bench-auth-"));
let exitCode = 1;
try {
  log(
    `Keyward bench:auth — node ${process.version}, ${CONNECTIONS} connections, ${ROUNDS}×${ROUND_S} s rounds per row ` +
      `after ${WARMUP_S} s warm-up, servers on CPU ${PIN_CPU || "(not pinned)"}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
  );

  log("\n▸ Starting the Keyward servers (child processes; logs at the production default go to files)");
  const logFiles = { enforced: join(workDir, "enforced.log"), open: join(workDir, "unenforced.log") };
  const [enforced, open] = await Promise.all([
    startChild("enforced server", "./auth-server.js", [], openSync(logFiles.enforced, "w")),
    startChild("unenforced server", "./auth-server.js", ["--no-enforcement"], openSync(logFiles.open, "w")),
  ]);
  children.push(enforced, open);
  const url = { enforced: String(enforced.ready.url), open: String(open.ready.url) };
  const adminToken = String(enforced.ready.adminToken);
  log(`  enforced       ${url.enforced} (pid ${enforced.ready.pid}, data ${enforced.ready.dataFile})`);
  log(`  no enforcement ${url.open} (pid ${open.ready.pid})`);

  // External write counter: lowdb writes `.keyward.json.tmp` then renames it onto `keyward.json`.
  const dataFile = String(enforced.ready.dataFile);
  const dataName = basename(dataFile);
  const watchCounts = { total: 0 };
  const watcher = watch(dirname(dataFile), (event, filename) => {
    if (event === "rename" && filename === dataName) {
      watchCounts.total++;
    }
  });
  const writesAtWatchStart = (await enforced.stats()).fileWrites ?? 0;

  log("\n▸ Setting up through the SDK (admin token): a field-restricted key, and events to make a list of 50");
  const admin = createKeywardClient({ baseUrl: url.enforced, token: adminToken });
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
  log(`  key #${key.number} ${key.prefix}… (events:read name,starts_at; its role allows name,starts_at,ends_at,venue)`);
  if (!key.token) {
    throw new Error("the create response had no token");
  }
  const writer = createKeywardClient({
    baseUrl: url.enforced,
    token: (await fullAccessIntegration(url.enforced, adminToken, "bench-writer")).token,
  });
  const integration = createKeywardClient({ baseUrl: url.enforced, token: key.token });
  const existing = unwrap(await integration.GET("/v1/events", { params: { query: { limit: LIST_SIZE } } })).data.length;
  for (let i = existing; i < LIST_SIZE; i++) {
    unwrap(
      await writer.POST("/v1/events", {
        body: { name: `Bench event ${i}`, starts_at: new Date(Date.UTC(2028, 0, 1 + i, 9)).toISOString() },
      }),
    );
  }
  const events = unwrap(await integration.GET("/v1/events"));
  const eventId = events.data[0]?.id;
  const eventName = events.data[0]?.name;
  if (!eventId) {
    throw new Error("GET /v1/events returned no event");
  }
  // Each server seeded its own store (ids are random): take the same event, by name, on the other one.
  const openEvents = (await (await fetch(`${url.open}/v1/events`)).json()) as { data?: { id: string; name: string }[] };
  const openEventId = openEvents.data?.find((event) => event.name === eventName)?.id;
  if (!openEventId) {
    throw new Error(`the unenforced server has no event named ${eventName}`);
  }
  log(`  measuring GET /v1/events/${eventId} (${eventName}); on the unenforced server ${openEventId}`);

  const keyHeaders = { authorization: `Bearer ${key.token}` };
  const verifyBody = JSON.stringify({ token: key.token, resource: "events", action: "read", ip: "203.0.113.7" });
  const adminJson = { authorization: `Bearer ${adminToken}`, "content-type": "application/json" };

  log("\n▸ Sanity checks");
  const sample = await fetch(`${url.enforced}/v1/events/${eventId}`, { headers: keyHeaders });
  const sampleText = await sample.text();
  const fieldsOf = (object: object) => Object.keys(object).sort().join(",");
  check(
    sample.status === 200 && fieldsOf(JSON.parse(sampleText)) === EXPECTED_FIELDS.join(","),
    `enforced GET is field-filtered: ${sample.status} ${sampleText} (${Buffer.byteLength(sampleText)} bytes)`,
  );
  const openSample = await fetch(`${url.open}/v1/events/${openEventId}`);
  check(openSample.status === 200, `unenforced GET (all fields): ${openSample.status} ${await openSample.text()}`);
  check(
    (await fetch(`${url.enforced}/v1/events/${eventId}`)).status === 401,
    "enforced server refuses a request without a token → 401",
  );
  check(
    (await fetch(`${url.enforced}/v1/people`, { headers: keyHeaders })).status === 403,
    "enforced server refuses the key on /v1/people → 403",
  );
  const verified = await fetch(`${url.enforced}/v1/keys/verify`, {
    method: "POST",
    headers: adminJson,
    body: verifyBody,
  });
  const verdict = (await verified.json()) as { allowed?: boolean; allowed_fields?: string[] };
  check(
    verified.status === 200 && verdict.allowed === true && verdict.allowed_fields?.join(",") === "name,starts_at",
    `POST /v1/keys/verify allows events:read with fields name,starts_at: ${verified.status} ${JSON.stringify(verdict)}`,
  );
  const list = (await (
    await fetch(`${url.enforced}/v1/events?limit=${LIST_SIZE}`, { headers: keyHeaders })
  ).json()) as { data: object[] };
  check(
    list.data.length === LIST_SIZE && list.data.every((item) => fieldsOf(item) === EXPECTED_FIELDS.join(",")),
    `GET /v1/events?limit=${LIST_SIZE}: ${list.data.length} events, each with only ${EXPECTED_FIELDS.join(", ")}`,
  );

  log("\n▸ Starting the bare servers (same CPU), answering the enforced GET's body");
  const bare = await startChild("bare servers", "./bare-server.js", [sampleText]);
  children.push(bare);
  for (const which of ["http", "express"] as const) {
    const answer = await fetch(String(bare.ready[which]));
    check(answer.status === 200 && (await answer.text()) === sampleText, `bare ${which} answers the same body`);
  }

  const allRows: Row[] = [
    { id: "http", label: "bare node:http", server: bare, keyward: false, request: { url: String(bare.ready.http) } },
    {
      id: "express",
      label: "bare Express 5 route",
      server: bare,
      keyward: false,
      request: { url: String(bare.ready.express) },
    },
    {
      id: "health",
      label: "Keyward GET /v1/health",
      server: enforced,
      keyward: true,
      request: { url: `${url.enforced}/v1/health` },
    },
    {
      id: "get",
      label: "Keyward GET /v1/events/{id}, field-restricted key",
      server: enforced,
      keyward: true,
      target: 0.8,
      request: { url: `${url.enforced}/v1/events/${eventId}`, headers: keyHeaders },
    },
    {
      id: "get-open",
      label: "  the same GET, enforcement off",
      server: open,
      keyward: true,
      request: { url: `${url.open}/v1/events/${openEventId}` },
    },
    {
      id: "verify",
      label: "Keyward POST /v1/keys/verify",
      server: enforced,
      keyward: true,
      target: 0.8,
      request: { url: `${url.enforced}/v1/keys/verify`, method: "POST", headers: adminJson, body: verifyBody },
    },
    {
      id: "list",
      label: `Keyward GET /v1/events?limit=${LIST_SIZE}, field-restricted`,
      server: enforced,
      keyward: true,
      target: 0.5,
      request: { url: `${url.enforced}/v1/events?limit=${LIST_SIZE}`, headers: keyHeaders },
    },
  ];
  const rows = allRows.filter((row) => ONLY.length === 0 || ONLY.includes(row.id) || row.id === "express");

  log(`\n▸ Warm-up (${WARMUP_S} s per row)`);
  for (const row of rows) {
    await load(row, WARMUP_S);
  }

  log(`\n▸ Rounds (${ROUND_S} s per row; the order rotates each round)`);
  const results = new Map<string, RoundResult[]>(rows.map((row) => [row.id, []]));
  const profiled = PROFILE_DIR ? [enforced, open] : [];
  if (PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
  }
  for (const server of profiled) {
    await server.ask("profile-start", "profiling");
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = rows.map((_, i) => rows[(i + round) % rows.length] as Row);
    for (const row of order) {
      const result = await measure(row, ROUND_S);
      results.get(row.id)?.push(result);
      log(
        `  round ${round + 1} ${row.label.trim().padEnd(52)} ${fmtRps(result.rps).padStart(7)} req/s  p99 ${String(result.p99).padStart(3)} ms  ` +
          `CPU ${result.cpuPerRequest.toFixed(0).padStart(4)} µs/req  (load ${load1()})${result.bad ? `  ✘ ${result.bad} non-2xx/errors/timeouts` : ""}`,
      );
      if (result.bad) {
        problems.push(`round ${round + 1} ${row.id}: ${result.bad} non-2xx/errors/timeouts`);
      }
    }
  }
  for (const server of profiled) {
    const path = join(
      PROFILE_DIR,
      `${server === enforced ? "enforced" : "unenforced"}-${ONLY.join("+") || "all"}.cpuprofile`,
    );
    log(
      `  CPU profile of the ${server.label} over the rounds: ${(await server.ask(`profile-stop ${path}`, "profiled")).profiled}`,
    );
  }
  const after = await fetch(`${url.enforced}/v1/events/${eventId}`, { headers: keyHeaders });
  check(
    after.status === 200 && fieldsOf(await after.json()) === EXPECTED_FIELDS.join(","),
    "still field-filtered after the load",
  );

  let writes: { total: number; watch: number; counter: number } | null = null;
  if (ONLY.length === 0) {
    log(`\n▸ Data-file writes during ${WRITES_S} s at full load on the enforced GET (usageFlushMs default)`);
    await sleep(200); // let fs events of earlier writes arrive before the window opens
    const watchBefore = watchCounts.total;
    const counterBefore = (await enforced.stats()).fileWrites ?? 0;
    const writeRun = await measure(rows.find((row) => row.id === "get") as Row, WRITES_S);
    const counterAfter = (await enforced.stats()).fileWrites ?? 0;
    await sleep(200); // a rename that completed inside the window may be reported a moment later
    writes = { watch: watchCounts.total - watchBefore, counter: counterAfter - counterBefore, total: 0 };
    writes.total = Math.max(writes.watch, writes.counter);
    log(`  load: ${fmtRps(writeRun.rps)} req/s, ${writeRun.total} requests, non-2xx/errors/timeouts ${writeRun.bad}`);
    log(`  (a) fs.watch renames onto ${dataName}: ${writes.watch}   (b) store.fileWrites counter: ${writes.counter}`);
    if (writeRun.bad) {
      problems.push("write-count run had non-2xx/errors/timeouts");
    }
    const counterTotal = ((await enforced.stats()).fileWrites ?? 0) - writesAtWatchStart;
    log(
      `  cross-check since the watcher started (incl. set-up): fs.watch ${watchCounts.total}, counter ${counterTotal}` +
        `${watchCounts.total === counterTotal ? " (agree)" : " (DISAGREE)"}`,
    );
  }
  watcher.close();

  // ── summary ──
  const figure = (id: string) => {
    const runs = results.get(id) ?? [];
    return {
      rps: median(runs.map((r) => r.rps)),
      p99: median(runs.map((r) => r.p99)),
      cpu: median(runs.map((r) => r.cpuPerRequest)),
    };
  };
  const reference = figure("express");
  log(
    `\n══════════════════ summary: medians of ${ROUNDS} rounds, ${CONNECTIONS} connections, load average now ${load1()} ══════════════════`,
  );
  log("| Route | Requests/s | p99 | × bare Express | CPU µs/req | Target |");
  log("|---|---:|---:|---:|---:|---|");
  for (const row of rows) {
    const { rps, p99, cpu } = figure(row.id);
    const ratio = rps / reference.rps;
    const verdict = row.target === undefined ? "" : `≥ ${row.target}× ${ratio >= row.target ? "PASS" : "FAIL"}`;
    log(
      `| ${row.label.trim()} | ${fmtRps(rps)} | ${p99} ms | ${row.keyward ? `${ratio.toFixed(2)}×` : row.id === "express" ? "1.00×" : `${ratio.toFixed(2)}×`} | ${cpu.toFixed(0)} | ${verdict} |`,
    );
    if (row.target !== undefined && ratio < row.target) {
      problems.push(`${row.id} ${ratio.toFixed(2)}× bare Express < ${row.target}×`);
    }
  }
  if (results.has("get") && results.has("get-open")) {
    const get = figure("get");
    const open = figure("get-open");
    const ratio = get.rps / open.rps;
    log(
      `enforced / unenforced GET ${ratio.toFixed(2)}× (target ≥ ${ENFORCEMENT_RATIO_TARGET}) ${ratio >= ENFORCEMENT_RATIO_TARGET ? "PASS" : "FAIL"}; ` +
        `enforcement costs ${(get.cpu - open.cpu).toFixed(0)} µs of server CPU per request`,
    );
    if (ratio < ENFORCEMENT_RATIO_TARGET) {
      problems.push(`enforced/unenforced ${ratio.toFixed(2)} < ${ENFORCEMENT_RATIO_TARGET}`);
    }
  }
  if (writes) {
    const perS = writes.total / WRITES_S;
    log(
      `data-file writes in ${WRITES_S} s at full load: ${writes.total} (${perS.toFixed(1)}/s, target ≤ ${WRITES_PER_S_TARGET}/s) ` +
        `${perS <= WRITES_PER_S_TARGET ? "PASS" : "FAIL"}   [fs.watch ${writes.watch}, store.fileWrites ${writes.counter}]`,
    );
    if (perS > WRITES_PER_S_TARGET) {
      problems.push(`${perS.toFixed(1)} writes/s > ${WRITES_PER_S_TARGET}/s`);
    }
  }
  const requestLog = readFileSync(logFiles.enforced, "utf8");
  const lines = requestLog.split("\n").filter((line) => line.includes('"msg":"request"')).length;
  log(
    `request log of the enforced server: ${lines} lines, ${(statSync(logFiles.enforced).size / 1e6).toFixed(1)} MB (production default)`,
  );
  check(
    lines > 0 && !requestLog.includes(key.token) && !requestLog.includes(adminToken),
    "the log has request lines and no token",
  );
  exitCode = problems.length === 0 ? 0 : 1;
  if (problems.length) {
    log(`\nFAILED: ${[...new Set(problems)].join("; ")}`);
  }
} catch (error) {
  console.error(`\nbench:auth failed: ${error instanceof Error ? error.stack : String(error)}`);
  exitCode = 1;
} finally {
  const stopped = await Promise.all(children.map(async (child) => [child.label, await child.stop()] as const));
  for (const [label, result] of stopped) {
    log(
      `stopped ${label}: ${result.killed ? "KILLED after timeout" : `exit ${result.code}`}` +
        `${result.closed ? `, clean close (${result.closed.fileWrites} data-file writes in its life)` : ""}`,
    );
    if (result.killed || result.code !== 0) {
      exitCode = 1;
    }
  }
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
