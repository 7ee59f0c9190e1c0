// `npm run build:provider`: the provider as one executable, published into the filesystem mirror the demo and the
// tests install from (dist/terraform-mirror, with cli-config.tfrc) and as a release (dist/terraform-provider: the
// platform's zip, SHA256SUMS and a network mirror layout). The same sources give the same bytes and hashes, so a
// .terraform.lock.hcl stays valid across rebuilds.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProvider } from "./bundle.js";
import { type PlatformPackage, platformPackage, writeFilesystemMirror, writeRelease } from "./package-layouts.js";
import { hostPlatform, providerVersion, repositoryRoot } from "./provider-address.js";
import { buildSingleExecutable } from "./single-executable.js";

export const mirrorDir = join(repositoryRoot, "dist", "terraform-mirror");
export const cliConfigPath = join(mirrorDir, "cli-config.tfrc");
export const releaseDir = join(repositoryRoot, "dist", "terraform-provider");

export interface BuildOptions {
  readonly mirrorDir?: string;
  readonly releaseDir?: string;
}

export interface BuiltProvider {
  readonly version: string;
  /** The executable inside the filesystem mirror. */
  readonly executable: string;
  readonly cliConfigPath: string;
  readonly package: PlatformPackage;
}

export async function buildProvider(options: BuildOptions = {}): Promise<BuiltProvider> {
  const mirror = options.mirrorDir ?? mirrorDir;
  const version = providerVersion();
  const workDir = await mkdtemp(join(tmpdir(), "keyward-provider-build-"));
  try {
    const bundle = join(workDir, "bundle", "keyward-provider.cjs");
    await bundleProvider(bundle);
    const seaDir = join(workDir, "sea");
    const output = join(workDir, "terraform-provider-keyward");
    await mkdir(seaDir);
    await buildSingleExecutable(bundle, output, seaDir);
    const executable = await readFile(output);
    const pkg = platformPackage(version, hostPlatform, executable);
    await writeRelease(options.releaseDir ?? releaseDir, version, [pkg]);
    const path = await writeFilesystemMirror(mirror, version, hostPlatform, executable);
    return { version, executable: path, cliConfigPath: join(mirror, "cli-config.tfrc"), package: pkg };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
