// Vitest globalSetup of the e2e tier: installs (or finds cached) every tool its tests need before any test starts,
// one progress line per step, then starts the shared throwaway PostgreSQL; a tool that can't be installed fails the
// run with its install hint.
import { e2eSteps, runSteps, setupTestPostgres } from "../setup.js";

export default async function setup(): Promise<void> {
  await runSteps(e2eSteps);
  await setupTestPostgres((step) => process.stderr.write(`[setup] PostgreSQL: ${step}\n`));
}
