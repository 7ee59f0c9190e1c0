// Contract fuzzing (bounded pass): schemathesis against a live keyward-server, every operation of openapi.yaml,
// as the admin token and as a full-access integration key, 25 examples per operation, with stateful sequences from
// the contract's links. `npm run test:fuzz` runs the deep pass (200 examples). @keyward/testkit/fuzz does the work;
// the e2e set-up installs schemathesis, and this test fails with the install hint when it is missing.
import { fuzzContract, fuzzReport } from "@keyward/testkit/fuzz";
import { describe, expect, it } from "vitest";

const EXAMPLES = Number(process.env.KEYWARD_FUZZ_EXAMPLES ?? 25);

describe("contract fuzzing with schemathesis (bounded)", () => {
  it(`when every operation is fuzzed as admin and as an integration key (${EXAMPLES} examples each), then there are zero failures`, async () => {
    const summary = await fuzzContract({ examples: EXAMPLES });
    const report = fuzzReport(summary);
    console.log(`schemathesis: ${report}`);
    if (!summary.ok) {
      const output = summary.runs
        .map((run) => `── ${run.name} run ──\n${run.output.slice(-6_000)}\n${run.serverErrors.slice(0, 5).join("\n")}`)
        .join("\n");
      throw new Error(`schemathesis found problems (${report}):\n${output}`);
    }
    expect(summary.runs.map((run) => run.exit)).toEqual([0, 0]);
    expect(summary.runs.map((run) => run.name).sort()).toEqual(["admin", "key"]);
    for (const run of summary.runs) {
      expect(run.cases).toBeGreaterThan(500);
    }
  }, 300_000);
});
