// `npm run test:fuzz`: the deep contract-fuzzing pass (see contract-fuzz.ts).
//   node packages/testkit/dist/cli/fuzz-contract.js [--examples N] [--workers N] [--seed N] [--max-steps N]
//        [--report-dir DIR] [--only key|admin] [--checks a,b]
// --examples defaults to KEYWARD_FUZZ_EXAMPLES or 25. Exit code: 0 when both runs have zero failures and zero
// errors; 1 on any failure; 2 when schemathesis is missing (the hint says how to install it).
import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type FuzzRunName, fuzzContract, fuzzReport, operationsByCredential } from "../contract-fuzz.js";
import { schemathesisHint, schemathesisInstalled } from "../tools/schemathesis.js";

const { values } = parseArgs({
  options: {
    examples: { type: "string" },
    workers: { type: "string" },
    seed: { type: "string" },
    "max-steps": { type: "string" },
    "report-dir": { type: "string" },
    only: { type: "string" },
    checks: { type: "string" },
  },
});

if (!schemathesisInstalled()) {
  console.error(schemathesisHint);
  process.exit(2);
}
if (values.only !== undefined && values.only !== "key" && values.only !== "admin") {
  throw new Error("--only takes key or admin");
}
const only = values.only as FuzzRunName | undefined;
const examples = Number(values.examples ?? process.env.KEYWARD_FUZZ_EXAMPLES ?? 25);
if (values["report-dir"]) {
  await mkdir(values["report-dir"], { recursive: true });
}
const operations = await operationsByCredential();
for (const name of ["key", "admin"] as const) {
  if (!only || only === name) {
    console.log(`schemathesis ${name} run: ${operations[name].length} operations, ${examples} examples each`);
  }
}
const summary = await fuzzContract({
  examples,
  ...(values.workers !== undefined && { workers: Number(values.workers) }),
  ...(values.seed !== undefined && { seed: Number(values.seed) }),
  ...(values["max-steps"] !== undefined && { maxSteps: Number(values["max-steps"]) }),
  ...(values["report-dir"] !== undefined && { reportDir: values["report-dir"] }),
  ...(only && { only }),
  ...(values.checks !== undefined && { checks: values.checks.split(",") }),
});
for (const run of summary.runs) {
  console.log(`\n── schemathesis: ${run.name} run ──\n${run.output}`);
  if (run.serverErrors.length > 0) {
    console.error(
      `The server of the ${run.name} run logged ${run.serverErrors.length} error(s):\n${run.serverErrors.slice(0, 5).join("\n")}`,
    );
  }
}
console.log(`\n${fuzzReport(summary)} (${summary.seconds} s)`);
process.exitCode = summary.ok ? 0 : 1;
