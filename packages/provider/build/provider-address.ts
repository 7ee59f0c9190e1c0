// Where the provider lives: its source address, version, the platform built here, and the file names registries
// and the CLIs expect for it.
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** packages/provider: this file runs compiled from packages/provider/dist/build, or from its source (tests). */
export const providerPackageDir = basename(dirname(here)) === "dist" ? resolve(here, "..", "..") : resolve(here, "..");
export const repositoryRoot = resolve(providerPackageDir, "..", "..");

export const providerHost = "keyward.dev";
export const providerNamespace = "keyward";
export const providerType = "keyward";

const GOOS: Partial<Record<NodeJS.Platform, string>> = {
  linux: "linux",
  darwin: "darwin",
  win32: "windows",
  freebsd: "freebsd",
};
const GOARCH: Partial<Record<string, string>> = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" };

/** The Go-style `<os>_<arch>` the CLIs name platforms by, for the machine building the executable. */
export const hostPlatform = `${GOOS[process.platform] ?? process.platform}_${GOARCH[process.arch] ?? process.arch}`;

export function providerVersion(): string {
  const { version } = JSON.parse(readFileSync(join(providerPackageDir, "package.json"), "utf8")) as { version: string };
  return version;
}

/** `terraform-provider-keyward_v0.1.0`: the executable's name, as the CLIs look it up inside a package. */
export const executableName = (version: string) => `terraform-provider-${providerType}_v${version}`;

/** `terraform-provider-keyward_0.1.0_linux_amd64.zip`: a package's name, as registries and mirrors serve it. */
export const packageZipName = (version: string, platform: string) =>
  `terraform-provider-${providerType}_${version}_${platform}.zip`;

export const sha256SumsName = (version: string) => `terraform-provider-${providerType}_${version}_SHA256SUMS`;
