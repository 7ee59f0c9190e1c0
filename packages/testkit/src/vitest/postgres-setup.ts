// Vitest globalSetup of the PostgreSQL tier: the server binaries (installed with apt-get when missing), then the
// shared throwaway cluster whose URL the test workers create their databases from.
import { postgresStep, runStep, setupTestPostgres } from "../setup.js";

export default async function setup(): Promise<void> {
  await runStep(postgresStep);
  await setupTestPostgres((step) => process.stderr.write(`[setup] PostgreSQL: ${step}\n`));
}
