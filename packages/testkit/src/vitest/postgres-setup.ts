// Vitest globalSetup of the PostgreSQL tier: the tools its suites need (the PostgreSQL server binaries, installed
// with apt-get when missing; schemathesis for the contract fuzzing that runs on both stores), then the shared
// throwaway cluster whose URL the test workers create their databases from.
import { postgresStep, runSteps, schemathesisStep, setupTestPostgres } from "../setup.js";

export default async function setup(): Promise<void> {
  await runSteps([postgresStep, schemathesisStep]);
  await setupTestPostgres((step) => process.stderr.write(`[setup] PostgreSQL: ${step}\n`));
}
