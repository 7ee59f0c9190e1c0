// The provider package is reproducible: two builds of the same sources give byte-identical zips and the same
// `h1:`/`zh:` hashes, so a lock file written against one build accepts the next. The CLIs themselves check the
// hashes: installing the release's network-mirror layout records exactly the `h1:` the build computed.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltProvider, buildProvider } from "../build/build-provider.js";
import { executableName, providerVersion, sha256SumsName } from "../build/provider-address.js";
import { type CliClient, cliClients, installHint, requiredProviders } from "./helpers/cli.js";
import { pathWithoutNode } from "../../../scripts/terraform-cli.mjs";

const run = promisify(execFile);
/** Files are compared by digest: a byte-wise deep equality of 100 MB takes the test runner minutes. */
const digest = async (path: string) => createHash("sha256").update(await readFile(path)).digest("hex");
const BUILD_TIMEOUT = 900_000;

interface Build {
  readonly built: BuiltProvider;
  readonly releaseDir: string;
}

async function buildInto(name: string): Promise<Build> {
  const dir = await mkdtemp(join(tmpdir(), `keyward-repro-${name}-`));
  const releaseDir = join(dir, "release");
  const built = await buildProvider({ mirrorDir: join(dir, "mirror"), releaseDir });
  return { built, releaseDir };
}

let first: Build;
let second: Build;
let clients: CliClient[];

beforeAll(async () => {
  clients = await cliClients();
  first = await buildInto("a");
  second = await buildInto("b");
}, 2 * BUILD_TIMEOUT);

describe("building the provider twice from the same sources", () => {
  it("gives byte-identical zips, SHA256SUMS and hashes", async () => {
    const version = providerVersion();
    const zipName = first.built.package.zipName;
    expect(await digest(join(second.releaseDir, zipName))).toBe(await digest(join(first.releaseDir, zipName)));
    expect(await readFile(join(second.releaseDir, sha256SumsName(version)), "utf8")).toBe(
      await readFile(join(first.releaseDir, sha256SumsName(version)), "utf8"),
    );
    expect(second.built.package.h1).toBe(first.built.package.h1);
    expect(second.built.package.zh).toBe(first.built.package.zh);
    expect(await digest(second.built.executable)).toBe(await digest(first.built.executable));
  });

  it("gives an executable that starts its plugin handshake with no node on the PATH", async () => {
    const child = execFile(first.built.executable, [], {
      env: { PATH: "/nonexistent", TF_PLUGIN_MAGIC_COOKIE: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2", PLUGIN_PROTOCOL_VERSIONS: "6" },
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise((resolve) => child.once("close", resolve));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString()));
      child.once("exit", (code) => reject(new Error(`exited ${code} before the handshake`)));
    });
    child.kill();
    await closed;
    expect(line).toMatch(/^1\|6\|unix\|\/.+\|grpc\|\n$/);
    expect(stderr).not.toContain("code cache");
  });
});

describe.each(["tofu", "terraform"] as const)("%s", (name) => {
  it("installs the release's network-mirror layout with the h1: hash the build computed, and keeps the lock valid across a rebuild", async () => {
    const client = clients.find((found) => found.name === name);
    if (!client) {
      throw new Error(`${name} not found.\n${installHint}`);
    }
    const dir = await mkdtemp(join(tmpdir(), `keyward-repro-${name}-`));
    const config = join(dir, "cli.tfrc");
    // The network-mirror layout is also the packed layout a filesystem mirror reads: the CLI unpacks the zip.
    const mirror = (root: string) => `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(root)}\n  }\n}\n`;
    await writeFile(config, mirror(join(first.releaseDir, "network-mirror")));
    await writeFile(join(dir, "main.tf"), requiredProviders);
    const env = { ...process.env, PATH: pathWithoutNode(), TF_CLI_CONFIG_FILE: config, CHECKPOINT_DISABLE: "1" };
    await run(client.path, ["init", "-input=false", "-no-color"], { cwd: dir, env });
    const lock = await readFile(join(dir, ".terraform.lock.hcl"), "utf8");
    expect(lock).toContain(`"${first.built.package.h1}"`);
    const installed = join(dir, ".terraform", "providers", "keyward.dev", "keyward", "keyward", providerVersion(), first.built.package.platform);
    expect(await digest(join(installed, executableName(providerVersion())))).toBe(await digest(first.built.executable));

    // The second build, installed unpacked from its filesystem mirror, satisfies the lock the first one wrote.
    await writeFile(config, mirror(dirname(second.built.cliConfigPath)));
    await rm(join(dir, ".terraform"), { recursive: true, force: true });
    await run(client.path, ["init", "-input=false", "-no-color", "-lockfile=readonly"], { cwd: dir, env });
    expect(await readFile(join(dir, ".terraform.lock.hcl"), "utf8")).toBe(lock);
  }, 120_000);
});
