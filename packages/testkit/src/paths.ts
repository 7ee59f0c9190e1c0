// Where things are: the repository (testkit runs from packages/testkit/src under vitest and from dist otherwise,
// both two folders below the root) and the tool caches, which live outside the clone so clones share them.
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const contractPath = join(repoRoot, "openapi.yaml");

export const cacheDir = join(homedir(), ".cache", "keyward");
/** CLIs built by the set-up (OpenTofu, the Go peer of bench:tofu). */
export const cacheBin = join(cacheDir, "bin");
export const cacheLogs = join(cacheDir, "logs");

/** `~/…` for progress lines and hints. */
export function tildify(path: string): string {
  const home = homedir();
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
