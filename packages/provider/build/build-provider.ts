// `npm run build:provider`: the provider as one executable, published into the filesystem mirror the demo and the
// tests install from (dist/terraform-mirror, with cli-config.tfrc) and as a release (dist/terraform-provider: the
// platform's zip, SHA256SUMS and a network mirror layout). The same sources give the same bytes and hashes, so a
// .terraform.lock.hcl stays valid across rebuilds.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProvider } from "./bundle.js";
import {
  mirroredExecutable,
  type PlatformPackage,
  platformPackage,
  writeFilesystemMirror,
  writeRelease,
} from "./package-layouts.js";
import { hostPlatform, providerVersion, repositoryRoot } from "./provider-address.js";
import { buildSingleExecutable, seaConfig } from "./single-executable.js";

export { mirroredExecutable } from "./package-layouts.js";
export { hostPlatform, providerVersion } from "./provider-address.js";

export const mirrorDir = join(repositoryRoot, "dist", "terraform-mirror");
export const cliConfigPath = join(mirrorDir, "cli-config.tfrc");
export const releaseDir = join(repositoryRoot, "dist", "terraform-provider");
/** Beside the mirror's CLI configuration (the CLIs read only the `<host>/` tree): what the mirror was built from. */
const BUILD_INPUT_FILE = "build-input.sha256";

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
  // Removed first and written last: a mirror left by a failed build is never taken for a current one.
  await rm(join(mirror, BUILD_INPUT_FILE), { force: true });
  const workDir = await mkdtemp(join(tmpdir(), "keyward-provider-build-"));
  try {
    const bundle = await bundleProvider();
    const seaDir = join(workDir, "sea");
    const output = join(workDir, "terraform-provider-keyward");
    await mkdir(seaDir);
    await buildSingleExecutable(bundle, output, seaDir);
    const executable = await readFile(output);
    const pkg = platformPackage(version, hostPlatform, executable);
    await writeRelease(options.releaseDir ?? releaseDir, version, [pkg]);
    const path = await writeFilesystemMirror(mirror, version, hostPlatform, executable);
    await writeFile(join(mirror, BUILD_INPUT_FILE), `${buildInputDigest(bundle)}\n`);
    return { version, executable: path, cliConfigPath: join(mirror, "cli-config.tfrc"), package: pkg };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Whether the mirror (and the release written with it) holds a build of the current sources by this Node: its
 * recorded build input matches a fresh bundle's. Bundling takes well under a second; building takes a minute.
 */
export async function providerBuildIsCurrent(mirror: string = mirrorDir): Promise<boolean> {
  const recorded = await readFile(join(mirror, BUILD_INPUT_FILE), "utf8").catch(() => undefined);
  if (recorded === undefined || !existsSync(mirroredExecutable(mirror, providerVersion(), hostPlatform))) {
    return false;
  }
  return recorded.trim() === buildInputDigest(await bundleProvider());
}

/** What the executable's bytes depend on: the bundle, the SEA configuration, and the Node release it is made from. */
function buildInputDigest(bundle: Uint8Array): string {
  return createHash("sha256")
    .update(bundle)
    .update(seaConfig)
    .update(`${process.version} ${process.platform} ${process.arch}`)
    .digest("hex");
}
