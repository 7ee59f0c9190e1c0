// `npm run bench:soak`: a fixed-rate mixed workload against one keyward-server child process for 5 minutes —
// key verifications (POST /v1/keys/verify), business reads and writes with integration keys, management reads,
// and management writes that don't grow the data (role and key edits, rotations, users created and deleted).
// Prints the error count (target 0), latency percentiles (p99 target SOAK_P99_TARGET_MS), and the server's
// memory growth — RSS and heap after a full GC, sampled by a probe loaded into the server process — from
// the end of minute 1 to the end (target < 10 %). Exits non-zero on a miss.
//
// Environment: SOAK_DURATION_S (300), SOAK_RATE (150 requests/s), SOAK_MAX_IN_FLIGHT (256),
// SOAK_SAMPLE_S (5), SOAK_P99_TARGET_MS (250), SOAK_GROWTH_TARGET (0.10).
// A quick check: SOAK_DURATION_S=40 npm run bench:soak
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { adminCall, fullAccessIntegration } from "../admin.js";
import { type ChildServer, startChildServer } from "../child-server.js";

interface MemorySample extends NodeJS.MemoryUsage {
  /** Seconds since the soak started. */
  t: number;
  loopMaxMs: number;
  loopP99Ms: number;
}
type Reader = { roleId: string; userId: string; keyId: string; token: string };
type SoakRequest = [method: string, path: string, init: RequestInit];
/** [weight, name, request factory (null: nothing left to send), expected statuses] */
type MixEntry = [number, string, () => SoakRequest | null | Promise<SoakRequest | null>, number[]];

const DURATION_S = Number(process.env.SOAK_DURATION_S ?? 300);
const RATE = Number(process.env.SOAK_RATE ?? 150);
const MAX_IN_FLIGHT = Number(process.env.SOAK_MAX_IN_FLIGHT ?? 256);
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_S ?? 5);
const P99_TARGET_MS = Number(process.env.SOAK_P99_TARGET_MS ?? 250);
const GROWTH_TARGET = Number(process.env.SOAK_GROWTH_TARGET ?? 0.1);
/** The baseline is taken after warm-up: minute 1 of a 5-minute run, a third of a shorter one. */
const BASELINE_AT_S = Math.round(Math.min(60, DURATION_S / 3));

// Loaded into the server with --import: every SAMPLE_S, a full GC then one line of process.memoryUsage().
// It also reports the server's event-loop delay (max and p99 over the interval, ms), which tells a server
// that blocks from a machine that is busy with other work.
const PROBE = `import { monitorEventLoopDelay } from "node:perf_hooks";
const delay = monitorEventLoopDelay({ resolution: 10 }); delay.enable();
setInterval(() => { const loop = { loopMaxMs: delay.max / 1e6, loopP99Ms: delay.percentile(99) / 1e6 }; delay.reset(); globalThis.gc?.();
process.stderr.write("SOAK_MEMORY " + JSON.stringify({ ...process.memoryUsage(), ...loop }) + "\\n"); }, ${SAMPLE_S * 1000}).unref();`;

const log = (text = "") => console.log(text);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), "keyward-soak-"));
  const server = await startChildServer({
    dataFile: join(dir, "keyward.json"),
    args: ["--seed-demo"],
    env: { NODE_OPTIONS: `--expose-gc --import=data:text/javascript,${encodeURIComponent(PROBE)}` },
  });
  const samples: MemorySample[] = [];
  const serverErrorLines: string[] = [];
  const started = Date.now();
  createInterface({ input: server.child.stderr as Readable }).on("line", (line) => {
    if (line.startsWith("SOAK_MEMORY ")) {
      samples.push({ t: (Date.now() - started) / 1000, ...(JSON.parse(line.slice(12)) as Omit<MemorySample, "t">) });
    } else if (/"level":(50|60)/.test(line)) {
      serverErrorLines.push(line);
    }
  });
  try {
    return await soak(server, samples, serverErrorLines);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function soak(server: ChildServer, samples: MemorySample[], serverErrorLines: string[]): Promise<void> {
  const { url } = server;
  const adminToken = server.adminToken ?? "";
  const admin = (method: string, path: string, body?: unknown) =>
    adminCall<{ id: string; token: string }>(url, adminToken, method, path, body);

  // ── set-up: integrations with keys, a role and keys that the write mix edits ──────────────────────────
  const full = await fullAccessIntegration(url, adminToken, "soak-full");
  const readers: Reader[] = [];
  for (const [index, preset] of ["events_read", "events_people_read", "events_people_write"].entries()) {
    const role = await admin("POST", "/v1/roles", { name: `soak-role-${index}`, preset });
    const user = await admin("POST", "/v1/users", {
      username: `soak-reader-${index}`,
      name: `Soak reader ${index}`,
      role_ids: [role.id],
    });
    const key = await admin("POST", "/v1/api-keys", { name: `soak reader ${index}`, user_id: user.id, preset });
    readers.push({ roleId: role.id, userId: user.id, keyId: key.id, token: key.token });
  }
  const [eventsReader, peopleReader] = readers as [Reader, Reader, Reader];
  const rotating = await admin("POST", "/v1/api-keys", {
    name: "soak rotating",
    user_id: eventsReader.userId,
    preset: "events_read",
  });
  const tokens = [full.token, ...readers.map((reader) => reader.token)];
  const records: Record<string, string[]> = {};
  for (const resource of ["events", "people", "sessions", "attendees", "invoices", "documents"]) {
    const page = (await (
      await fetch(`${url}/v1/${resource}?limit=50`, { headers: { authorization: `Bearer ${full.token}` } })
    ).json()) as { data: { id: string }[] };
    records[resource] = page.data.map((record) => record.id);
  }
  let sequence = 0;

  // ── the mix: [weight, name, request factory, expected statuses] ────────────────────────────────────────
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const json = (token: string, body: unknown) => ({
    headers: { ...bearer(token), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const mix: MixEntry[] = [
    [
      30,
      "verify",
      () => [
        "POST",
        "/v1/keys/verify",
        json(adminToken, {
          token: pick(tokens),
          resource: pick(["events", "people", "invoices"]),
          action: pick(["read", "update"]),
        }),
      ],
      [200],
    ],
    [
      20,
      "business list",
      () =>
        pick([
          [
            "GET",
            `/v1/${pick(["events", "people", "sessions", "invoices"])}?limit=20`,
            { headers: bearer(full.token) },
          ],
          ["GET", `/v1/${pick(["events", "people"])}?limit=20`, { headers: bearer(peopleReader.token) }],
        ]),
      [200],
    ],
    [
      10,
      "business get",
      () => {
        const resource = pick(["events", "people", "documents"]);
        return ["GET", `/v1/${resource}/${pick(records[resource] ?? [])}`, { headers: bearer(full.token) }];
      },
      [200],
    ],
    [5, "business refused", () => ["GET", "/v1/invoices", { headers: bearer(eventsReader.token) }], [403]],
    [
      5,
      "business write",
      async () => {
        // create then delete, so the data does not grow
        const created = await timed(
          "POST",
          "/v1/events",
          json(full.token, { name: `soak ${++sequence}`, starts_at: "2030-01-01T09:00:00Z" }),
          [201],
        );
        const id = created?.id;
        return id ? ["DELETE", `/v1/events/${id}`, { headers: bearer(full.token) }] : null;
      },
      [204],
    ],
    [5, "me", () => ["GET", "/v1/me", { headers: bearer(pick(tokens)) }], [200]],
    [
      10,
      "management read",
      () =>
        pick([
          ["GET", "/v1/api-keys?limit=20", { headers: bearer(adminToken) }],
          ["GET", `/v1/users/${pick(readers).userId}`, { headers: bearer(adminToken) }],
          ["GET", "/v1/roles?limit=20", { headers: bearer(adminToken) }],
          ["GET", "/v1/settings", { headers: bearer(adminToken) }],
          ["GET", `/v1/audit-events?limit=20&target_id=${pick(readers).roleId}`, { headers: bearer(adminToken) }],
        ]),
      [200],
    ],
    [
      10,
      "management write",
      async () => {
        const choice = Math.random();
        if (choice < 0.35) {
          return [
            "PATCH",
            `/v1/roles/${pick(readers).roleId}`,
            json(adminToken, { description: `soak ${++sequence}` }),
          ];
        }
        if (choice < 0.7) {
          return [
            "PATCH",
            `/v1/api-keys/${pick(readers).keyId}`,
            json(adminToken, { description: `soak ${++sequence}` }),
          ];
        }
        if (choice < 0.85) {
          return ["POST", `/v1/api-keys/${rotating.id}/rotate`, json(adminToken, { grace_period_seconds: 0 })];
        }
        const user = await timed(
          "POST",
          "/v1/users",
          json(adminToken, { username: `soak-tmp-${++sequence}`, name: "Soak temporary" }),
          [201],
        );
        return user?.id ? ["DELETE", `/v1/users/${user.id}`, { headers: bearer(adminToken) }] : null;
      },
      [200],
    ],
  ];
  const totalWeight = mix.reduce((sum, [weight]) => sum + weight, 0);

  // ── the run ───────────────────────────────────────────────────────────────────────────────────────────
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const byKind = new Map<string, number>();
  let inFlight = 0;
  let skipped = 0;
  const countError = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);

  const kindLatencies = new Map<string, number[]>();
  async function timed(
    method: string,
    path: string,
    init: RequestInit,
    expected: number[],
  ): Promise<Record<string, unknown> | null> {
    const begin = performance.now();
    const kind = `${method} ${path
      .replace(/[a-z]{3}_[0-9A-Za-z]{16}/g, "{id}")
      .replace(/\?.*/, "")
      .replace(/^\/v1\/(events|people|sessions|invoices|documents)/, "/v1/{resource}")}`;
    try {
      const response = await fetch(`${url}${path}`, { method, ...init });
      const text = await response.text();
      const ms = performance.now() - begin;
      latencies.push(ms);
      if (!kindLatencies.has(kind)) {
        kindLatencies.set(kind, []);
      }
      kindLatencies.get(kind)?.push(ms);
      if (!expected.includes(response.status)) {
        countError(
          `${method} ${path.replace(/[a-z]{3}_[0-9A-Za-z]{16}/g, "{id}").replace(/\?.*/, "")} → ${response.status}`,
        );
        return null;
      }
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch (error) {
      latencies.push(performance.now() - begin);
      const failure = error as Error & { cause?: { code?: string } };
      countError(`${method} ${path.replace(/\?.*/, "")} → ${failure.cause?.code ?? failure.message}`);
      return null;
    }
  }

  async function one(): Promise<void> {
    let roll = Math.random() * totalWeight;
    const [, kind, make, expected] =
      mix.find(([weight]) => {
        roll -= weight;
        return roll < 0;
      }) ?? (mix[0] as MixEntry);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    const request = await make();
    if (request) {
      await timed(request[0], request[1], request[2], expected);
    }
  }

  log(
    `Soak: ${RATE} requests/s for ${DURATION_S} s against ${url} (server pid ${server.pid}); memory sampled every ${SAMPLE_S} s after a full GC`,
  );
  const begin = Date.now();
  const end = begin + DURATION_S * 1000;
  let issued = 0;
  let lastReport = begin;
  while (Date.now() < end) {
    // Open loop: as many requests as the clock says, whatever the answers' speed (bounded in flight).
    const due = Math.floor(((Date.now() - begin) / 1000) * RATE);
    while (issued < due) {
      issued++;
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped++;
        continue;
      }
      inFlight++;
      void one().finally(() => inFlight--);
    }
    if (Date.now() - lastReport >= 30_000) {
      const memoryNow = samples.at(-1);
      lastReport = Date.now();
      log(
        `  ${Math.round((lastReport - begin) / 1000)} s: ${latencies.length} answered, ${[...errors.values()].reduce((a, b) => a + b, 0)} errors, in flight ${inFlight}` +
          (memoryNow
            ? `, server RSS ${mb(memoryNow.rss)}, heap ${mb(memoryNow.heapUsed)}, event loop max ${memoryNow.loopMaxMs.toFixed(0)} ms`
            : "") +
          `, load ${(loadavg()[0] ?? 0).toFixed(1)}`,
      );
    }
    await sleep(5);
  }
  while (inFlight > 0) {
    await sleep(10);
  }
  await sleep(SAMPLE_S * 1000 + 200); // one more memory sample after the load

  // ── figures ───────────────────────────────────────────────────────────────────────────────────────────
  const sorted = [...latencies].sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0) + skipped;
  const window = (from: number, to: number) => samples.filter((sample) => sample.t >= from && sample.t < to);
  const baseline = window(BASELINE_AT_S, BASELINE_AT_S + 30);
  const last = window(DURATION_S - Math.min(30, DURATION_S / 6), Infinity);
  const growth = (field: "rss" | "heapUsed") =>
    (median(last.map((s) => s[field])) - median(baseline.map((s) => s[field]))) / median(baseline.map((s) => s[field]));
  const figures = {
    duration_s: DURATION_S,
    target_rate: RATE,
    achieved_rate: Math.round(latencies.length / DURATION_S),
    requests: latencies.length,
    errors: errorCount,
    skipped_over_in_flight_cap: skipped,
    p50_ms: Number(percentile(sorted, 50).toFixed(1)),
    p99_ms: Number(percentile(sorted, 99).toFixed(1)),
    max_ms: Number((sorted.at(-1) ?? 0).toFixed(1)),
    rss_baseline: mb(median(baseline.map((s) => s.rss))),
    rss_end: mb(median(last.map((s) => s.rss))),
    rss_growth_pct: Number((growth("rss") * 100).toFixed(1)),
    heap_baseline: mb(median(baseline.map((s) => s.heapUsed))),
    heap_end: mb(median(last.map((s) => s.heapUsed))),
    heap_growth_pct: Number((growth("heapUsed") * 100).toFixed(1)),
    memory_samples: samples.length,
    // From minute 1 on, as for memory (the first interval holds the server's start-up).
    server_event_loop_max_ms: Number(
      Math.max(0, ...window(BASELINE_AT_S, Infinity).map((s) => s.loopMaxMs)).toFixed(1),
    ),
    server_event_loop_p99_ms_worst_interval: Number(
      Math.max(0, ...window(BASELINE_AT_S, Infinity).map((s) => s.loopP99Ms)).toFixed(1),
    ),
    load_average: loadavg().map((value) => Number(value.toFixed(2))),
    server_logged_errors: serverErrorLines.length,
    mix: Object.fromEntries(byKind),
  };
  log("");
  log(`Requests: ${figures.requests} (${figures.achieved_rate}/s of ${RATE}/s), errors: ${figures.errors}`);
  for (const [what, count] of errors) {
    log(`  ${count} × ${what}`);
  }
  log(`Latency: p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, max ${figures.max_ms} ms`);
  for (const [kind, values] of [...kindLatencies].sort(([a], [b]) => a.localeCompare(b))) {
    const ordered = values.sort((a, b) => a - b);
    log(
      `  ${kind.padEnd(34)} ${String(ordered.length).padStart(6)} × p50 ${percentile(ordered, 50).toFixed(1)} ms, p99 ${percentile(ordered, 99).toFixed(1)} ms`,
    );
  }
  log(
    `Server event loop: worst delay ${figures.server_event_loop_max_ms} ms, worst 5-s p99 ${figures.server_event_loop_p99_ms_worst_interval} ms; machine load average ${figures.load_average.join(" / ")}`,
  );
  log(
    `Server memory from ${BASELINE_AT_S} s to the end: RSS ${figures.rss_baseline} → ${figures.rss_end} (${figures.rss_growth_pct} %), heap ${figures.heap_baseline} → ${figures.heap_end} (${figures.heap_growth_pct} %)`,
  );
  const misses: string[] = [];
  if (figures.errors > 0) {
    misses.push(`${figures.errors} errors (target 0)`);
  }
  if (serverErrorLines.length > 0) {
    misses.push(`the server logged ${serverErrorLines.length} errors, e.g. ${serverErrorLines[0]}`);
  }
  if (!(figures.p99_ms <= P99_TARGET_MS)) {
    misses.push(`p99 ${figures.p99_ms} ms (target ≤ ${P99_TARGET_MS} ms)`);
  }
  if (baseline.length === 0 || last.length === 0) {
    misses.push("too few memory samples");
  }
  if (!(growth("rss") < GROWTH_TARGET)) {
    misses.push(`RSS grew ${figures.rss_growth_pct} % (target < ${GROWTH_TARGET * 100} %)`);
  }
  if (!(growth("heapUsed") < GROWTH_TARGET)) {
    misses.push(`heap grew ${figures.heap_growth_pct} % (target < ${GROWTH_TARGET * 100} %)`);
  }
  log(`SOAK RESULT ${JSON.stringify({ ok: misses.length === 0, ...figures })}`);
  if (misses.length > 0) {
    log(`\nMissed: ${misses.join("; ")}`);
    process.exitCode = 1;
  } else {
    log("\nAll soak targets met.");
  }
}

await main();
