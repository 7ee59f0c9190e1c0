// The provider package is reproducible: building the same sources again gives byte-identical zips and the same
// `h1:`/`zh:` hashes as the build in dist/ (the one `npm run build:provider` made and every e2e test installs; the
// e2e set-up rebuilds it when its sources changed), so a lock file written against one build accepts the next. The
// CLIs themselves check the hashes: installing the release's network-mirror layout records exactly the `h1:` the
// build published.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import {
  type CliClient,
  cliClients,
  installHint,
  pathWithoutNode,
  requiredProviders,
} from "@keyward/testkit/terraform";
import { MAGIC_COOKIE_VALUE } from "@keyward/tfplugin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BuiltProvider,
  buildProvider,
  mirrorDir,
  mirroredExecutable,
  providerBuildIsCurrent,
  releaseDir,
} from "../build/build-provider.js";
import {
  executableName,
  hostPlatform,
  providerHost,
  providerNamespace,
  providerType,
  providerVersion,
  sha256SumsName,
} from "../build/provider-address.js";

const run = promisify(execFile);
/** Files are compared by digest: a byte-wise deep equality of 100 MB takes the test runner minutes. */
const digest = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
const version = providerVersion();
const networkMirror = (release: string) => join(release, "network-mirror");
const builtExecutable = mirroredExecutable(mirrorDir, version, hostPlatform);

let scratch: string;
let rebuilt: BuiltProvider;
let rebuiltRelease: string;
/** The `[h1:…, zh:…]` hashes dist/'s network mirror publishes for this platform. */
let published: string[];
let clients: CliClient[];

beforeAll(async () => {
  clients = await cliClients();
  if (!(await providerBuildIsCurrent())) {
    throw new Error(
      `${mirrorDir} holds no build of the current sources: run \`npm run build:provider\` (the e2e set-up does).`,
    );
  }
  const versionFile = join(networkMirror(releaseDir), providerHost, providerNamespace, providerType, `${version}.json`);
  const { archives } = JSON.parse(await readFile(versionFile, "utf8")) as {
    archives: Record<string, { hashes: string[] }>;
  };
  published = archives[hostPlatform]?.hashes ?? [];
  scratch = await mkdtemp(join(tmpdir(), "keyward-repro-"));
  rebuiltRelease = join(scratch, "release");
  rebuilt = await buildProvider({ mirrorDir: join(scratch, "mirror"), releaseDir: rebuiltRelease });
}, 900_000);

afterAll(async () => {
  if (scratch) {
    await rm(scratch, { recursive: true, force: true });
  }
});

describe("building the provider again from the same sources", () => {
  it("gives byte-identical zips, SHA256SUMS, executable and hashes", async () => {
    const { zipName } = rebuilt.package;
    expect(await digest(join(rebuiltRelease, zipName))).toBe(await digest(join(releaseDir, zipName)));
    expect(await readFile(join(rebuiltRelease, sha256SumsName(version)), "utf8")).toBe(
      await readFile(join(releaseDir, sha256SumsName(version)), "utf8"),
    );
    expect(await digest(rebuilt.executable)).toBe(await digest(builtExecutable));
    expect([rebuilt.package.h1, rebuilt.package.zh]).toEqual(published);
  });

  it("gives an executable that starts its plugin handshake with no node on the PATH", async () => {
    const child = execFile(builtExecutable, [], {
      env: { PATH: "/nonexistent", TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "6" },
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
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
  it("installs the release's network-mirror layout with the h1: hash the build published, and keeps the lock valid across a rebuild", async () => {
    const client = clients.find((found) => found.name === name);
    if (!client) {
      throw new Error(`${name} not found.\n${installHint}`);
    }
    const dir = await mkdtemp(join(scratch, `${name}-`));
    const config = join(dir, "cli.tfrc");
    // The network-mirror layout is also the packed layout a filesystem mirror reads: the CLI unpacks the zip.
    const mirror = (root: string) =>
      `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(root)}\n  }\n}\n`;
    await writeFile(config, mirror(networkMirror(releaseDir)));
    await writeFile(join(dir, "main.tf"), requiredProviders);
    const env = { ...process.env, PATH: pathWithoutNode(), TF_CLI_CONFIG_FILE: config, CHECKPOINT_DISABLE: "1" };
    await run(client.path, ["init", "-input=false", "-no-color"], { cwd: dir, env });
    const lock = await readFile(join(dir, ".terraform.lock.hcl"), "utf8");
    expect(lock).toContain(`"${published[0]}"`);
    const installed = join(
      dir,
      ".terraform",
      "providers",
      providerHost,
      providerNamespace,
      providerType,
      version,
      hostPlatform,
    );
    expect(await digest(join(installed, executableName(version)))).toBe(await digest(builtExecutable));

    // The rebuild, installed unpacked from its filesystem mirror, satisfies the lock the first build's package wrote.
    await writeFile(config, mirror(dirname(rebuilt.cliConfigPath)));
    await rm(join(dir, ".terraform"), { recursive: true, force: true });
    await run(client.path, ["init", "-input=false", "-no-color", "-lockfile=readonly"], { cwd: dir, env });
    expect(await readFile(join(dir, ".terraform.lock.hcl"), "utf8")).toBe(lock);
  }, 120_000);
});
