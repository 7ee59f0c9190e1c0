// Contract fuzzing (bounded pass): schemathesis against a live keyward-server, every operation of
// openapi.yaml, as the admin token and as a full-access integration key, 25 examples per operation, with
// stateful sequences from the contract's links. `npm run test:fuzz` runs the deep pass (200 examples).
// scripts/fuzz-contract.mjs does the work; this test fails loudly when schemathesis is not installed.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ensureServerBuilt, fuzzScript } from "./support/child-server.js";

const SCRIPT = fileURLToPath(new URL("../../../scripts/fuzz-contract.mjs", import.meta.url));
const EXAMPLES = Number(process.env.KEYWARD_FUZZ_EXAMPLES ?? 25);

interface Summary {
  ok: boolean;
  runs: Array<{ name: string; exit: number; cases: number | null; failures: number; errors: number; serverErrors: number }>;
}

describe("contract fuzzing with schemathesis (bounded)", () => {
  it(`when every operation is fuzzed as admin and as an integration key (${EXAMPLES} examples each), then there are zero failures`, async () => {
    if (!fuzzScript.schemathesisInstalled()) throw new Error(fuzzScript.INSTALL_HINT);
    ensureServerBuilt();
    const child = spawn(process.execPath, [SCRIPT, "--examples", String(EXAMPLES)], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    const line = output.split("\n").find((text) => text.startsWith("FUZZ SUMMARY "));
    if (!line) throw new Error(`fuzz-contract.mjs printed no summary (exit ${code}):\n${output.slice(-4000)}`);
    const summary = JSON.parse(line.slice("FUZZ SUMMARY ".length)) as Summary;
    const report = summary.runs.map((run) => `${run.name}: ${run.cases} cases, ${run.failures} failures, ${run.errors} errors, ${run.serverErrors} server errors`);
    console.log(`schemathesis: ${report.join("; ")}`);
    if (!summary.ok) throw new Error(`schemathesis found problems (${report.join("; ")}):\n${output.slice(-12_000)}`);
    expect(code).toBe(0);
    expect(summary.runs.map((run) => run.name).sort()).toEqual(["admin", "key"]);
    for (const run of summary.runs) expect(run.cases).toBeGreaterThan(500);
  }, 300_000);
});
