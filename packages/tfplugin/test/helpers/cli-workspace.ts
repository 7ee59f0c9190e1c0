import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The example provider's address and the config every CLI run applies (variables select the change). */
export const providerAddress = "example.test/test/example";
const mainTf = `
terraform {
  required_providers {
    example = { source = "${providerAddress}", version = "0.1.0" }
  }
}
variable "name" {}
variable "zone" {}
provider "example" { store_path = "\${path.module}/store.json" }
resource "example_thing" "a" {
  name     = var.name
  zone     = var.zone
  tags     = ["b", "a"]
  labels   = { env = "dev" }
  secret   = "s3cret"
  settings = { mode = "fast" }
  rule { port = 80 }
  rule {
    port     = 443
    protocol = "https"
  }
}
data "example_lookup" "a" { name = example_thing.a.name }
output "id" { value = example_thing.a.id }
output "revision" { value = example_thing.a.revision }
output "lookup" { value = data.example_lookup.a.id }
`;

export interface CliResult {
  readonly code: number;
  readonly output: string;
}

/**
 * A scratch directory with a filesystem mirror holding the bundled provider behind a `#!/bin/sh` launcher that
 * execs node, a CLI config pointing at the mirror, and the configuration above.
 */
export function createWorkspace(root: string, bundledProvider: string): { dir: string; env: NodeJS.ProcessEnv } {
  const platformDir = join(root, "mirror", providerAddress, "0.1.0", "linux_amd64");
  mkdirSync(platformDir, { recursive: true });
  copyFileSync(bundledProvider, join(platformDir, "provider.js"));
  const launcher = join(platformDir, "terraform-provider-example_v0.1.0");
  writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "$(dirname "$0")/provider.js"\n`);
  chmodSync(launcher, 0o755);
  const cliConfig = join(root, "cli.tfrc");
  writeFileSync(
    cliConfig,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${join(root, "mirror")}"\n    include = ["example.test/*/*"]\n  }\n  direct { exclude = ["example.test/*/*"] }\n}\n`,
  );
  const dir = join(root, "work");
  mkdirSync(dir);
  writeFileSync(join(dir, "main.tf"), mainTf);
  const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  delete env.TF_LOG;
  delete env.TF_LOG_PROVIDER;
  return { dir, env };
}

/** Runs the CLI and returns its exit code and combined output (never throws on a non-zero exit). */
export async function runCli(cli: string, dir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(cli, args, { cwd: dir, env, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}
