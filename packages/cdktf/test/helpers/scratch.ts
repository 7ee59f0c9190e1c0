// Every test file of this package runs in its own process (vitest pool "forks"): point TMPDIR at a folder the file
// owns, so cdktf's `Testing.app()` outdirs, CLI workspaces and server data land there and are removed afterwards,
// and turn CDKTF/Terraform telemetry off.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export function useScratchTmpdir(): string {
  const dir = mkdtempSync(join(tmpdir(), "keyward-cdktf-test-"));
  process.env.TMPDIR = dir;
  process.env.CHECKPOINT_DISABLE = "1";
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
