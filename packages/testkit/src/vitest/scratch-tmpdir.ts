// Set-up file of every test file (vitest `setupFiles`): the file gets its own temporary folder, and TMPDIR points
// there while it runs, so whatever its tests put in the OS temp dir — CLI workspaces, server data, saved plans,
// cdktf's `Testing.app()` outdirs, and the temp files of the servers and CLIs they start — is removed when the file
// ends, passed or failed. CDKTF/Terraform telemetry is turned off too.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const previous = process.env.TMPDIR;
const dir = mkdtempSync(join(tmpdir(), "keyward-test-file-"));
// Traversable, not listable: a PostgreSQL cluster a test starts as root runs as `postgres`, who must reach its folder.
chmodSync(dir, 0o711);
process.env.TMPDIR = dir;
process.env.CHECKPOINT_DISABLE = "1";

afterAll(() => {
  // A worker process may run another file next: give it the OS temp dir back.
  if (previous === undefined) {
    delete process.env.TMPDIR;
  } else {
    process.env.TMPDIR = previous;
  }
  rmSync(dir, { recursive: true, force: true });
});
