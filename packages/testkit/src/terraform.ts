// Drives real Terraform-compatible CLIs against the provider installed from the filesystem mirror that
// `npm run build:provider` writes, exactly as a user would: TF_CLI_CONFIG_FILE points at the mirror's config.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { cliConfigPath } from "terraform-provider-keyward/build";
import { findClients, type TerraformClient } from "./tools/terraform-cli.js";

export {
  buildProvider,
  cliConfigPath,
  hostPlatform,
  mirrorDir,
  mirroredExecutable,
  providerVersion,
} from "terraform-provider-keyward/build";
export {
  hasEphemeralResources,
  hasWriteOnlyAttributes,
  schemaAsPrintedBy,
  supportsSecretFreeKeys,
} from "./cli-features.js";
export { type BundledProvider, createPluginWorkspace } from "./plugin-workspace.js";
export { anyKeywardToken, type PlanJson, realChanges, writtenFiles } from "./secret-free-checks.js";
export { findClients, installHint, type TerraformClient } from "./tools/terraform-cli.js";
export { zipEntries } from "./zip-entries.js";

const run = promisify(execFile);

export type CliClient = TerraformClient;

/**
 * Every client on this machine: the e2e set-up builds OpenTofu 1.6.3 and OpenTofu 1.11 into ~/.cache/keyward when they
 * are missing, and Terraform is used where present.
 */
export async function cliClients(): Promise<CliClient[]> {
  if (!existsSync(cliConfigPath)) {
    throw new Error(`The provider mirror is missing (${cliConfigPath}): run \`npm run build:provider\` first.`);
  }
  return findClients();
}

/** A name usable in usernames and role names, unique per client. */
export const clientSlug = (client: CliClient) => `${client.name}-${client.version.replaceAll(".", "-")}`;

export interface CliResult {
  readonly code: number;
  readonly output: string;
}

export interface KeywardAccess {
  readonly url: string;
  readonly adminToken: string;
}

/** A scratch directory with its own configuration, run by one CLI. */
export class Workspace {
  constructor(
    readonly client: CliClient,
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async write(mainTf: string): Promise<void> {
    await writeFile(join(this.dir, "main.tf"), mainTf);
  }

  /** Runs the CLI; never throws on a non-zero exit. `env` adds or overrides variables for this run. */
  async exec(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
    try {
      const { stdout, stderr } = await run(this.client.path, [...args, "-no-color"], {
        cwd: this.dir,
        env: { ...this.env, ...env },
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return {
        code: typeof failed.code === "number" ? failed.code : -1,
        output: `${failed.stdout ?? ""}${failed.stderr ?? ""}`,
      };
    }
  }

  /** Runs the CLI and fails with its output unless it exits with `want`. */
  async run(args: string[], want = 0): Promise<string> {
    const result = await this.exec(args);
    if (result.code !== want) {
      throw new Error(
        `${this.client.name} ${this.client.version} ${args.join(" ")} exited ${result.code}, expected ${want}:\n${result.output}`,
      );
    }
    return result.output;
  }

  apply(): Promise<string> {
    return this.run(["apply", "-auto-approve", "-input=false", "-parallelism=4"]);
  }

  /** `plan -detailed-exitcode`: 0 = no changes, 2 = changes. */
  plan(want: 0 | 2): Promise<string> {
    return this.run(["plan", "-detailed-exitcode", "-input=false", "-parallelism=4"], want);
  }

  async outputs(): Promise<Record<string, unknown>> {
    const json = JSON.parse(await this.run(["output", "-json"])) as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(json).map(([name, output]) => [name, output.value]));
  }
}

/**
 * `path` (a PATH value) without the directories holding a `node` executable: the PATH every CLI run in tests and
 * demos gets, so the provider is proven to run as the single executable, without Node.js.
 */
export function pathWithoutNode(path: string = process.env.PATH ?? ""): string {
  return path
    .split(delimiter)
    .filter((dir) => dir && !existsSync(join(dir, "node")))
    .join(delimiter);
}

/**
 * The environment a user would run the CLI with: the provider from the mirror, the server's endpoint and admin
 * token for the provider, no checkpoint calls, no inherited TF_LOG noise, and no `node` on the PATH (the provider
 * is a single executable and must not need one).
 */
export function cliEnvironment(keyward: KeywardAccess, cliConfig: string = cliConfigPath): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: pathWithoutNode(),
    TF_CLI_CONFIG_FILE: cliConfig,
    KEYWARD_ENDPOINT: keyward.url,
    KEYWARD_TOKEN: keyward.adminToken,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
  };
  delete env.TF_LOG;
  delete env.TF_LOG_PROVIDER;
  return env;
}

/** A fresh, initialised workspace for `client` talking to `keyward` (provider settings from the environment). */
export async function createWorkspace(
  client: CliClient,
  keyward: KeywardAccess,
  name: string,
  mainTf: string,
): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), `keyward-tf-${name}-`));
  const dir = join(root, "work");
  await mkdir(dir);
  const workspace = new Workspace(client, dir, cliEnvironment(keyward));
  await workspace.write(mainTf);
  await workspace.run(["init", "-input=false"]);
  return workspace;
}

/** The terraform block every test configuration starts with. */
export const requiredProviders = `terraform {
  required_providers {
    keyward = { source = "keyward.dev/keyward/keyward" }
  }
}
`;
