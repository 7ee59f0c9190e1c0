// Runs a Terraform-compatible CLI the way a user would: the provider executable from the filesystem mirror
// (TF_CLI_CONFIG_FILE) with no `node` on the PATH, the server's endpoint and admin token from the environment.
import { execFile } from "node:child_process";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "@keyward/testkit";
import { openTofuStep, runStep } from "@keyward/testkit/setup";
import {
  cliConfigPath,
  findClients,
  installHint,
  pathWithoutNode,
  type TerraformClient,
} from "@keyward/testkit/terraform";
import { scratchDir } from "./scratch.js";

const run = promisify(execFile);

/** The first CLI on this machine, or the first one `prefer` accepts when there is one. */
export async function firstClient(
  options: { prefer?: (client: TerraformClient) => boolean } = {},
): Promise<TerraformClient> {
  let clients = await findClients();
  if (clients.length === 0) {
    await runStep(openTofuStep, (line) => console.log(`  … ${line}`));
    clients = await findClients();
  }
  const client = clients.find((c) => options.prefer?.(c) ?? false) ?? clients[0];
  if (!client) {
    throw new Error(installHint);
  }
  return client;
}

export interface Workspace {
  dir: string;
  run(...args: string[]): Promise<{ stdout: string; code: number }>;
}

/** A copy of a configuration in a temporary folder, so nothing is written into the repository. */
export async function workspaceFor(
  source: string,
  client: TerraformClient,
  server: { url: string; adminToken: string },
): Promise<Workspace> {
  const dir = await scratchDir("tf-");
  await cp(source, dir, { recursive: true });
  const env = {
    ...process.env,
    PATH: pathWithoutNode(), // the provider is a single executable: the CLI runs it without Node.js
    TF_CLI_CONFIG_FILE: cliConfigPath,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    KEYWARD_ENDPOINT: server.url,
    KEYWARD_TOKEN: server.adminToken,
  };
  return {
    dir,
    async run(...args) {
      try {
        const { stdout } = await run(client.path, args, { cwd: dir, env, maxBuffer: 64 << 20 });
        return { stdout, code: 0 };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        if (typeof failed.code === "number" && failed.code === 2 && args.includes("-detailed-exitcode")) {
          return { stdout: failed.stdout ?? "", code: 2 };
        }
        throw new Error(`${client.name} ${args.join(" ")} failed:\n${failed.stderr ?? failed.stdout ?? String(error)}`);
      }
    },
  };
}

export const examplePath = (...parts: string[]) => join(repoRoot, "examples", ...parts);
