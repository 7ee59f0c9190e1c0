// A generator returns the files it would write, so the freshness test can compare without touching the tree.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  content: string;
}

export interface Generator {
  name: string;
  run(): Promise<GeneratedFile[]>;
  /** Files it once wrote and no longer would (e.g. a resource removed from the schema). */
  obsolete?(): Promise<string[]>;
}

/** Files any of `generators` once wrote and no longer would. */
export async function obsoleteFiles(generators: readonly Generator[]): Promise<string[]> {
  const obsolete: string[] = [];
  for (const generator of generators) {
    obsolete.push(...((await generator.obsolete?.()) ?? []));
  }
  return obsolete;
}

/** Generated files that differ from what `generators` produce now, or should no longer exist. */
export async function staleFiles(generators: readonly Generator[]): Promise<string[]> {
  const stale: string[] = [];
  for (const generator of generators) {
    for (const { path, content } of await generator.run()) {
      const current = await readFile(path, "utf8").catch(() => null);
      if (current !== content) {
        stale.push(path);
      }
    }
  }
  return [...stale, ...(await obsoleteFiles(generators))];
}

/** Every file below `dir` (recursively), sorted; none when it doesn't exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Files in `dir` that `files` don't include: left over from an older contract. */
export async function leftOverFiles(dir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const wanted = new Set(files.map((file) => file.path));
  return (await listFiles(dir)).filter((path) => !wanted.has(path));
}
