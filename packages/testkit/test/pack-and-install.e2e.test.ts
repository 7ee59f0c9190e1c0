// The publishable packages work outside the repository: each is packed with `npm pack`, the tarballs are installed
// into an empty project in a temporary folder (third-party dependencies from the registry), and a user's first steps
// work there: `keyward-server` starts and answers /v1/health (and /console with a 404 that explains it), a
// TypeScript file using @keyward/sdk type-checks and runs, and an IntegrationAccess stack synthesises with
// @keyward/cdktf.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type ChildServer, repoRoot, startChildServer } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  workspaces?: string[];
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

/** Every workspace package that is not private, in the root's workspace order. */
const publishable = (readManifest(repoRoot).workspaces ?? [])
  .map((workspace) => join(repoRoot, workspace))
  .filter((dir) => !readManifest(dir).private);

let project: string;
let server: ChildServer | undefined;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "keyward-pack-"));
  const packs = join(project, "packs");
  await mkdir(packs);
  // The tarballs hold dist/: build exactly what is packed.
  await run(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", ...publishable], { timeout: 300_000 });
  for (const dir of publishable) {
    await run("npm", ["pack", "--pack-destination", packs], { cwd: dir, timeout: 120_000 });
  }
  const tarballs = readdirSync(packs).map((file) => join(packs, file));
  await writeFile(
    join(project, "package.json"),
    `${JSON.stringify({ name: "keyward-pack-check", private: true, type: "module" }, null, 2)}\n`,
  );
  const typescript = readManifest(join(repoRoot, "node_modules", "typescript")).version;
  const nodeTypes = readManifest(join(repoRoot, "node_modules", "@types", "node")).version;
  await run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...tarballs,
      `typescript@${typescript}`,
      `@types/node@${nodeTypes}`,
    ],
    {
      cwd: project,
      timeout: 600_000,
      maxBuffer: 64 << 20,
    },
  );
}, 900_000);

afterAll(async () => {
  await server?.stop();
  if (project) {
    await rm(project, { recursive: true, force: true });
  }
});

describe("the packed packages, installed into an empty project outside the repository", () => {
  it("packs every publishable package, @keyward/server and @keyward/sdk among them", () => {
    const names = publishable.map((dir) => readManifest(dir).name);
    expect(names).toEqual(
      expect.arrayContaining(["@keyward/sdk", "@keyward/server", "@keyward/tfplugin", "@keyward/cdktf"]),
    );
    for (const name of names) {
      expect(readManifest(join(project, "node_modules", name)).name).toBe(name);
    }
  });

  it("when `keyward-server` is started from there, then it prints an admin token and answers /v1/health", async () => {
    server = await startChildServer({
      bin: join(project, "node_modules", ".bin", "keyward-server"),
      cwd: project,
      dataFile: join(project, "data", "keyward.json"),
    });
    expect(server.adminToken).toMatch(/^kwa_/);
    const response = await fetch(`${server.url}/v1/health`);
    expect(response.status).toBe(200);
  }, 60_000);

  it("when /console is requested there (the private @keyward/console is not installed), then a 404 problem says so", async () => {
    if (!server) {
      throw new Error("the server test did not start a server");
    }
    const response = await fetch(`${server.url}/console`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /admin console is not installed with this server/,
    );
  });

  it("when a TypeScript file uses @keyward/sdk, then it type-checks (a wrong path does not) and runs against that server", async () => {
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          outDir: "out",
          types: ["node"],
        },
        include: ["health.ts"],
      }),
    );
    await writeFile(
      join(project, "health.ts"),
      [
        'import { createKeywardClient, unwrap } from "@keyward/sdk";',
        "",
        'const client = createKeywardClient({ baseUrl: process.argv[2] ?? "", token: process.argv[3] ?? "" });',
        'const health = unwrap(await client.GET("/v1/health"));',
        "const status: string = health.status;",
        "// @ts-expect-error -- not a path of the contract",
        'await client.GET("/v1/no-such-path");',
        "console.log(JSON.stringify({ status }));",
        "",
      ].join("\n"),
    );
    await run(process.execPath, [join(project, "node_modules", "typescript", "bin", "tsc"), "-p", project], {
      cwd: project,
      timeout: 120_000,
    });
    if (!server?.adminToken) {
      throw new Error("the server test did not start a server");
    }
    const { stdout } = await run(process.execPath, [join(project, "out", "health.js"), server.url, server.adminToken], {
      cwd: project,
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({ status: "ok" });
  }, 180_000);

  it("when an IntegrationAccess stack is synthesised with @keyward/cdktf, then it declares the user, the role and the key", async () => {
    await writeFile(
      join(project, "synth.cjs"),
      [
        'const { App, TerraformStack } = require("cdktf");',
        'const { IntegrationAccess, KeywardProvider } = require("@keyward/cdktf");',
        'const app = new App({ outdir: "cdktf.out" });',
        'const stack = new TerraformStack(app, "integrations");',
        'new KeywardProvider(stack, "keyward", {});',
        'new IntegrationAccess(stack, "website", { name: "website", preset: "events_read", sensitiveOutput: true });',
        "app.synth();",
        "",
      ].join("\n"),
    );
    await run(process.execPath, [join(project, "synth.cjs")], { cwd: project, timeout: 120_000 });
    const synthesised = JSON.parse(
      await readFile(join(project, "cdktf.out", "stacks", "integrations", "cdk.tf.json"), "utf8"),
    ) as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
      output: Record<string, { sensitive?: boolean }>;
    };
    expect(Object.keys(synthesised.resource).sort()).toEqual([
      "keyward_api_key",
      "keyward_integration_user",
      "keyward_role",
    ]);
    const [user] = Object.values(synthesised.resource.keyward_integration_user ?? {});
    expect(user?.username).toBe("website");
    expect(Object.values(synthesised.output).map((output) => output.sensitive)).toEqual([true]);
  }, 180_000);
});
