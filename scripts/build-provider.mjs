#!/usr/bin/env node
// Bundles the Keyward provider into one file and lays it out as a Terraform/OpenTofu filesystem mirror:
//   dist/terraform-mirror/keyward.dev/keyward/keyward/<version>/<os>_<arch>/terraform-provider-keyward_v<version>
// (a launcher that execs Node on the bundle beside it) plus dist/terraform-mirror/cli-config.tfrc, the CLI
// configuration users point TF_CLI_CONFIG_FILE at. One bundled file keeps the provider's cold start short
// (every plan and apply starts several provider processes).
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
export const mirrorDir = join(root, "dist", "terraform-mirror");
export const cliConfigPath = join(mirrorDir, "cli-config.tfrc");
export const providerHost = "keyward.dev";
const BUNDLE = "keyward-provider.cjs";

const GOOS = { linux: "linux", darwin: "darwin", win32: "windows", freebsd: "freebsd" };
const GOARCH = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" };

export async function buildProvider() {
  const { version } = JSON.parse(await readFile(join(root, "packages", "provider", "package.json"), "utf8"));
  const platform = `${GOOS[process.platform] ?? process.platform}_${GOARCH[process.arch] ?? process.arch}`;
  const packageDir = join(mirrorDir, providerHost, "keyward", "keyward", version, platform);
  // Old versions and platforms would be offered to the CLIs too: start from an empty mirror.
  await rm(join(mirrorDir, providerHost), { recursive: true, force: true });
  await mkdir(packageDir, { recursive: true });
  await build({
    entryPoints: [join(root, "packages", "provider", "src", "main.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: join(packageDir, BUNDLE),
    logLevel: "warning",
    legalComments: "none",
  });
  const launcher = join(packageDir, `terraform-provider-keyward_v${version}`);
  // `exec` so the CLI's SIGKILL reaches node itself (a forking shell would leave node holding the pipes and the CLI
  // hanging); the bundle is found next to the launcher, whatever the working directory.
  await writeFile(
    launcher,
    [
      "#!/bin/sh",
      "# Keyward Terraform provider: runs the bundled provider with Node.js 20+ (KEYWARD_PROVIDER_NODE overrides `node`).",
      'dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)',
      `exec "\${KEYWARD_PROVIDER_NODE:-node}" "$dir/${BUNDLE}"`,
      "",
    ].join("\n"),
  );
  await chmod(launcher, 0o755);
  await writeFile(
    cliConfigPath,
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
    ].join("\n"),
  );
  return { version, launcher, cliConfigPath };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { launcher, cliConfigPath: config } = await buildProvider();
  process.stdout.write(`built ${launcher}\nCLI config: export TF_CLI_CONFIG_FILE=${config}\n`);
}
