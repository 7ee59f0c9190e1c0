// Terraform-compatible CLIs for the end-to-end tests: `tofu` and `terraform` on the PATH, in ~/.cache/keyward/bin,
// and the OpenTofu 1.11 build of opentofu-1-11.ts. OpenTofu is built into ~/.cache/keyward/bin with Go when it is
// missing (1.6.3, the last version `go install` can build; see the protocol notes §9). Terraform is used where present.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { cacheBin, cacheLogs, tildify } from "../paths.js";
import type { SetupStep } from "../steps.js";
import { cliVersion } from "./cli-version.js";
import { openTofu111Dir } from "./opentofu-1-11.js";

const run = promisify(execFile);

export type CliName = "tofu" | "terraform";

export interface TerraformClient {
  readonly name: CliName;
  readonly version: string;
  readonly path: string;
}

const OPENTOFU_VERSION = "1.6.3";
const OPENTOFU_MODULE = `github.com/opentofu/opentofu/cmd/tofu@v${OPENTOFU_VERSION}`;
const BUILD_LOG = join(cacheLogs, "tofu.log");
const BUILD_DONE = "done-tofu";

export const installHint =
  "No Terraform-compatible CLI found. Install one of:\n" +
  "  - OpenTofu: put `tofu` on the PATH, or let the test set-up build it (needs Go; runs\n" +
  `    GOBIN=${cacheBin} go install ${OPENTOFU_MODULE})\n` +
  "  - Terraform: put `terraform` on the PATH (https://developer.hashicorp.com/terraform/install)";

/** The PATH and ~/.cache/keyward/bin: where a user's CLIs and the OpenTofu 1.6.3 build are. */
const installedDirs = () => [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), cacheBin];

/** Every CLI on this machine (the OpenTofu 1.11 build included), tofu first; one entry per real file. */
export async function findClients(): Promise<TerraformClient[]> {
  return clientsIn([...installedDirs(), openTofu111Dir]);
}

async function clientsIn(dirs: string[]): Promise<TerraformClient[]> {
  const clients: TerraformClient[] = [];
  const seen = new Set<string>();
  for (const name of ["tofu", "terraform"] as const) {
    for (const path of dirs.map((dir) => join(dir, name)).filter((candidate) => existsSync(candidate))) {
      const real = realpathSync(path);
      if (seen.has(real)) {
        continue;
      }
      seen.add(real);
      const version = await cliVersion(path);
      if (version) {
        clients.push({ name, version, path });
      }
    }
  }
  return clients;
}

/**
 * OpenTofu on the PATH or built into ~/.cache/keyward/bin with Go (joining a build another process runs). The
 * OpenTofu 1.11 build doesn't count: the older CLI is what shows the secret-free example's clear refusal.
 */
export const openTofuStep: SetupStep = {
  name: `OpenTofu ${OPENTOFU_VERSION}`,
  async check() {
    const tofu = (await clientsIn(installedDirs())).find((client) => client.name === "tofu");
    return tofu ? `found ${tofu.name} ${tofu.version} at ${tildify(tofu.path)}` : undefined;
  },
  installs: `building with Go into ${tildify(cacheBin)} (first run only, a few minutes; log ${tildify(BUILD_LOG)})`,
  install: buildOpenTofu,
  hint: installHint,
};

async function buildOpenTofu(): Promise<void> {
  if (!buildFinished() && (await buildRunning())) {
    await waitForBuild();
  } else {
    mkdirSync(cacheLogs, { recursive: true });
    const out = openSync(BUILD_LOG, "w");
    // Old modules may not compile with the newest Go: retry with the Go toolchain of their time.
    const script =
      `GOBIN="${cacheBin}" go install ${OPENTOFU_MODULE} || GOTOOLCHAIN=go1.21.13 GOBIN="${cacheBin}" go install ${OPENTOFU_MODULE}; ` +
      `echo "${BUILD_DONE} $?"`;
    const child = spawn("sh", ["-c", script], { stdio: ["ignore", out, out], cwd: homedir() });
    await new Promise((resolve) => child.on("exit", resolve));
  }
  if (!existsSync(join(cacheBin, "tofu"))) {
    const log = existsSync(BUILD_LOG) ? readFileSync(BUILD_LOG, "utf8").split("\n").slice(-15).join("\n") : "(no log)";
    throw new Error(`go install ${OPENTOFU_MODULE} did not produce ${join(cacheBin, "tofu")}:\n${log}`);
  }
}

function buildFinished(): boolean {
  return existsSync(BUILD_LOG) && readFileSync(BUILD_LOG, "utf8").includes(BUILD_DONE);
}

async function buildRunning(): Promise<boolean> {
  const { stdout } = await run("ps", ["-eo", "args"]).catch(() => ({ stdout: "" }));
  return stdout.includes(`go install ${OPENTOFU_MODULE}`);
}

async function waitForBuild(): Promise<void> {
  while (!buildFinished()) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}
