// Vitest globalSetup of the e2e tier: installs (or finds cached) every tool its tests need before any test starts,
// one progress line per step; a tool that can't be installed fails the run with its install hint.
import { e2eSteps, runSteps } from "../setup.js";

export default async function setup(): Promise<void> {
  await runSteps(e2eSteps);
}
