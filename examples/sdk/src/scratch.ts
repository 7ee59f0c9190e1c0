// The demo's scratch space: one folder under the system's temporary directory holding the data file, the CLI
// workspaces (whose state holds the demo's tokens) and the synthesised CDKTF output, removed when the demo ends.
import { mkdtempSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = mkdtempSync(join(tmpdir(), "keyward-demo-"));

/** A new folder inside the demo's scratch space. */
export function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(join(root, prefix));
}

export function removeScratch(): void {
  rmSync(root, { recursive: true, force: true });
}
