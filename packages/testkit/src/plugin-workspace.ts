// A scratch workspace for a provider under development (not the Keyward provider of the mirror): the bundled provider
// goes into a filesystem mirror of its own, behind a `#!/bin/sh` launcher that execs Node, with a CLI config that
// installs it from there, as Terraform installs any provider.
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CliClient, Workspace } from "./terraform.js";

export interface BundledProvider {
  /** `host/namespace/type`, e.g. example.test/test/example. */
  readonly address: string;
  readonly version: string;
  /** The provider bundled into one CommonJS file. */
  readonly bundle: string;
}

/** A workspace under `root` (created) holding `mainTf`, run by `client` with `provider` installed from its mirror. */
export function createPluginWorkspace(
  root: string,
  client: CliClient,
  provider: BundledProvider,
  mainTf: string,
): Workspace {
  const type = provider.address.split("/").at(-1) ?? "";
  const [host] = provider.address.split("/");
  const platformDir = join(root, "mirror", provider.address, provider.version, "linux_amd64");
  mkdirSync(platformDir, { recursive: true });
  copyFileSync(provider.bundle, join(platformDir, "provider.js"));
  const launcher = join(platformDir, `terraform-provider-${type}_v${provider.version}`);
  writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "$(dirname "$0")/provider.js"\n`);
  chmodSync(launcher, 0o755);
  const cliConfig = join(root, "cli.tfrc");
  writeFileSync(
    cliConfig,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${join(root, "mirror")}"\n    include = ["${host}/*/*"]\n  }\n  direct { exclude = ["${host}/*/*"] }\n}\n`,
  );
  const dir = join(root, "work");
  mkdirSync(dir);
  writeFileSync(join(dir, "main.tf"), mainTf);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
  };
  delete env.TF_LOG;
  delete env.TF_LOG_PROVIDER;
  return new Workspace(client, dir, env);
}
