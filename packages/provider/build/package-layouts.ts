// The layouts the executable is published in:
// - a filesystem mirror, unpacked (`<host>/<namespace>/<type>/<version>/<os>_<arch>/<executable>`), with the CLI
//   configuration that points Terraform/OpenTofu at it — what the demo and the tests install from;
// - a release directory as a registry publishes it: one zip per platform and `SHA256SUMS`;
// - a network mirror (the layout `terraform providers mirror` writes and the provider network mirror protocol
//   serves): `index.json`, `<version>.json` listing each platform's zip with its `h1:` and `zh:` hashes, and the zips.
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deterministicZip } from "./deterministic-zip.js";
import {
  executableName,
  packageZipName,
  providerHost,
  providerNamespace,
  providerType,
  sha256SumsName,
} from "./provider-address.js";
import { h1Hash, type PackageFile, sha256SumsLine, zhHash } from "./provider-hashes.js";

export interface PlatformPackage {
  readonly platform: string;
  readonly zipName: string;
  readonly zip: Buffer;
  /** The `h1:` hash of the package's files, as lock files record it. */
  readonly h1: string;
  /** The `zh:` hash of the zip. */
  readonly zh: string;
}

const providerPath = [providerHost, providerNamespace, providerType] as const;

export function platformPackage(version: string, platform: string, executable: Buffer): PlatformPackage {
  const files: PackageFile[] = [{ name: executableName(version), content: executable }];
  const zip = deterministicZip(files.map((file) => ({ ...file, mode: 0o755 })));
  return { platform, zipName: packageZipName(version, platform), zip, h1: h1Hash(files), zh: zhHash(zip) };
}

/** Where a filesystem mirror holds the executable of `version` for `platform`. */
export const mirroredExecutable = (mirrorDir: string, version: string, platform: string) =>
  join(mirrorDir, ...providerPath, version, platform, executableName(version));

/** Writes the unpacked filesystem mirror and its CLI configuration; returns the executable's path in it. */
export async function writeFilesystemMirror(
  mirrorDir: string,
  version: string,
  platform: string,
  executable: Buffer,
): Promise<string> {
  // Old versions and platforms would be offered to the CLIs too: start from an empty mirror.
  await rm(join(mirrorDir, providerHost), { recursive: true, force: true });
  const path = mirroredExecutable(mirrorDir, version, platform);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, executable);
  await chmod(path, 0o755);
  await writeFile(join(mirrorDir, "cli-config.tfrc"), cliConfig(mirrorDir));
  return path;
}

export const cliConfig = (mirrorDir: string) =>
  [
    "# Point TF_CLI_CONFIG_FILE at this file to install the Keyward provider from this mirror.",
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirrorDir)}`,
    `    include = ["${providerHost}/*/*"]`,
    "  }",
    "  direct {",
    `    exclude = ["${providerHost}/*/*"]`,
    "  }",
    "}",
    "",
  ].join("\n");

/** Writes the zips and SHA256SUMS to `releaseDir`, and the network mirror layout to `releaseDir/network-mirror`. */
export async function writeRelease(
  releaseDir: string,
  version: string,
  packages: readonly PlatformPackage[],
): Promise<void> {
  await rm(releaseDir, { recursive: true, force: true });
  const mirrorTypeDir = join(releaseDir, "network-mirror", ...providerPath);
  await mkdir(mirrorTypeDir, { recursive: true });
  const sorted = [...packages].sort((a, b) => (a.zipName < b.zipName ? -1 : 1));
  for (const pkg of sorted) {
    await writeFile(join(releaseDir, pkg.zipName), pkg.zip);
    await writeFile(join(mirrorTypeDir, pkg.zipName), pkg.zip);
  }
  await writeFile(
    join(releaseDir, sha256SumsName(version)),
    sorted.map((pkg) => sha256SumsLine(pkg.zip, pkg.zipName)).join(""),
  );
  await writeFile(join(mirrorTypeDir, "index.json"), `${JSON.stringify({ versions: { [version]: {} } }, null, 2)}\n`);
  const archives = Object.fromEntries(
    sorted.map((pkg) => [pkg.platform, { url: pkg.zipName, hashes: [pkg.h1, pkg.zh] }]),
  );
  await writeFile(join(mirrorTypeDir, `${version}.json`), `${JSON.stringify({ archives }, null, 2)}\n`);
}
