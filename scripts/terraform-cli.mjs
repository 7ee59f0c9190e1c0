#!/usr/bin/env node
// Finds Terraform-compatible CLIs for end-to-end tests: `tofu` and `terraform` on the PATH or in
// ~/.cache/keyward/bin, optionally building OpenTofu 1.6.3 / Terraform 1.5.7 from the Go module proxy.
// Usage: node scripts/terraform-cli.mjs [--build]   (prints "name version path" per client; exit 1 if none)
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const cacheBin = join(homedir(), ".cache", "keyward", "bin");
const logDir = join(homedir(), ".cache", "keyward", "logs");

/** What `go install` builds, per client (the last versions installable that way; see the protocol notes §9). */
const builds = {
  tofu: { module: "github.com/opentofu/opentofu/cmd/tofu@v1.6.3", log: "tofu.log", done: "done-tofu" },
  terraform: { module: "github.com/hashicorp/terraform@v1.5.7", log: "terraform.log", done: "done-terraform" },
};

export const installHint =
  "No Terraform-compatible CLI found. Install one of:\n" +
  "  - OpenTofu: put `tofu` on the PATH, or run `node scripts/terraform-cli.mjs --build` (needs Go; runs\n" +
  `    GOBIN=${cacheBin} go install ${builds.tofu.module})\n` +
  "  - Terraform: put `terraform` on the PATH (https://developer.hashicorp.com/terraform/install)";

/**
 * @param {{ build?: boolean }} [options] build: build missing clients with Go (waits for a build already running).
 * @returns {Promise<{ name: "tofu" | "terraform", version: string, path: string }[]>}
 */
export async function findClients(options = {}) {
  if (options.build) {
    await ensureBuilt("tofu");
  }
  const clients = [];
  const seen = new Set();
  for (const name of /** @type {const} */ (["tofu", "terraform"])) {
    for (const path of candidates(name)) {
      const real = realpathSync(path);
      if (seen.has(real)) {
        continue;
      }
      seen.add(real);
      const version = await versionOf(path);
      if (version) {
        clients.push({ name, version, path });
      }
    }
  }
  return clients;
}

/**
 * Ephemeral resources and write-only attributes, which keep tokens out of state: Terraform ≥ 1.11.1 (1.11.0 mishandles
 * ephemeral values that are also sensitive, hashicorp/terraform#36619) and OpenTofu ≥ 1.11.
 * @param {{ name: "tofu" | "terraform", version: string }} client
 */
export function supportsSecretFreeKeys(client) {
  const [major = 0, minor = 0, patch = 0] = client.version.split(/[.-]/).map(Number);
  const least = client.name === "terraform" ? [1, 11, 1] : [1, 11, 0];
  const have = [major, minor, patch];
  const at = have.findIndex((part, i) => part !== least[i]);
  return at < 0 || have[at] > least[at];
}

function candidates(name) {
  const dirs = [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), cacheBin];
  return dirs.map((dir) => join(dir, name)).filter((path) => existsSync(path));
}

async function versionOf(path) {
  try {
    const { stdout } = await run(path, ["version", "-json"], { env: { ...process.env, CHECKPOINT_DISABLE: "1" }, timeout: 20_000 });
    return JSON.parse(stdout).terraform_version;
  } catch {
    return undefined;
  }
}

/** Builds a client into ~/.cache/keyward/bin unless present; joins a build that is already running. */
export async function ensureBuilt(name) {
  const { module, log, done } = builds[name];
  if (existsSync(join(cacheBin, name))) {
    return;
  }
  const logPath = join(logDir, log);
  if (!buildFinished(logPath, done) && (await buildRunning(module))) {
    await waitForLine(logPath, done);
    return;
  }
  mkdirSync(logDir, { recursive: true });
  const out = openSync(logPath, "w");
  // Old modules may not compile with the newest Go: retry with the Go toolchain of their time.
  const script =
    `GOBIN="${cacheBin}" go install ${module} || GOTOOLCHAIN=go1.21.13 GOBIN="${cacheBin}" go install ${module}; ` +
    `echo "${done} $?"`;
  const child = spawn("sh", ["-c", script], { stdio: ["ignore", out, out], cwd: homedir() });
  await new Promise((resolve) => child.on("exit", resolve));
}

function buildFinished(logPath, done) {
  return existsSync(logPath) && readFileSync(logPath, "utf8").includes(done);
}

async function buildRunning(module) {
  const { stdout } = await run("ps", ["-eo", "args"]).catch(() => ({ stdout: "" }));
  return stdout.includes(`go install ${module}`);
}

async function waitForLine(logPath, done) {
  while (!buildFinished(logPath, done)) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const clients = await findClients({ build: process.argv.includes("--build") });
  if (clients.length === 0) {
    process.stderr.write(`${installHint}\n`);
    process.exit(1);
  }
  for (const client of clients) {
    process.stdout.write(`${client.name} ${client.version} ${client.path}\n`);
  }
}
