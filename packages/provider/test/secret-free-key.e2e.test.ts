// examples/terraform/secret-free-key applied by every CLI ≥ 1.11 (Terraform on the PATH, OpenTofu 1.11 built from the
// Go module proxy by the e2e set-up): the token reaches Keyward (as a hash) and the sink, and no state file, saved plan or `show -json`
// holds a token; a version bump rotates the key with a grace period; older CLIs stop at validate.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Harness, startHarness } from "@keyward/testkit";
import {
  anyKeywardToken,
  type CliClient,
  cliClients,
  cliEnvironment,
  type PlanJson,
  realChanges,
  supportsSecretFreeKeys,
  Workspace,
  writtenFiles,
} from "@keyward/testkit/terraform";
import { afterAll, describe, expect, it } from "vitest";

const clients = await cliClients();
const modern = (client: CliClient) => supportsSecretFreeKeys(client);

const example = await readFile(new URL("../../../examples/terraform/secret-free-key/main.tf", import.meta.url), "utf8");
const GRACE_SECONDS = 300;

const servers: Harness[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** A workspace whose provider gets the admin token only from the ephemeral input variable (not KEYWARD_TOKEN). */
async function exampleWorkspace(client: CliClient, keyward: Harness): Promise<Workspace> {
  const dir = join(await mkdtemp(join(tmpdir(), "keyward-secret-free-")), "work");
  await mkdir(dir);
  await writeFile(join(dir, "main.tf"), example);
  const env: NodeJS.ProcessEnv = { ...cliEnvironment(keyward), TF_VAR_keyward_token: keyward.adminToken };
  delete env.KEYWARD_TOKEN;
  return new Workspace(client, dir, env);
}

function expectNoToken(ws: Workspace, extra: Record<string, string> = {}): void {
  const checked = [...writtenFiles(ws.dir, ["website-token.txt", "main.tf"]), ...Object.entries(extra)];
  expect(checked.map(([name]) => name)).toEqual(expect.arrayContaining(["terraform.tfstate"]));
  for (const [name, text] of checked) {
    expect(anyKeywardToken.exec(text)?.[0], `a token in ${name}`).toBeUndefined();
  }
}

describe("examples/terraform/secret-free-key", () => {
  it("has OpenTofu 1.11 (built from the Go module proxy by the e2e set-up) and Terraform ≥ 1.11", () => {
    expect(
      clients
        .filter(modern)
        .map((c) => c.name)
        .sort(),
      "put Terraform ≥ 1.11.1 on the PATH",
    ).toEqual(["terraform", "tofu"]);
  });

  for (const client of clients.filter(modern)) {
    it.concurrent(`${client.name} ${client.version}: token in Keyward and the sink only; empty re-plan; a version bump rotates with grace`, async () => {
      const keyward = await startHarness();
      servers.push(keyward);
      const ws = await exampleWorkspace(client, keyward);
      const status = async (token: string, path: "/v1/events" | "/v1/people") =>
        (await keyward.clientFor(token).GET(path)).response.status;
      const sink = () => readFileSync(join(ws.dir, "website-token.txt"), "utf8");
      const version = (v: number) => ["-input=false", "-var", `token_version=${v}`];

      await ws.run(["init", "-input=false"]);
      await ws.run(["plan", "-out=first.tfplan", ...version(1)]);
      const firstPlanJson = await ws.run(["show", "-json", "first.tfplan"]);
      await ws.run(["apply", "-input=false", "first.tfplan"]);

      const first = sink();
      expect(first).toMatch(/^kw_[0-9A-Za-z]{36}$/);
      expect([await status(first, "/v1/events"), await status(first, "/v1/people")]).toEqual([200, 403]);
      const state = JSON.parse(readFileSync(join(ws.dir, "terraform.tfstate"), "utf8")) as {
        resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[];
      };
      expect(state.resources.find((r) => r.type === "keyward_api_key")?.instances[0]?.attributes).toMatchObject({
        token: null,
        token_wo: null,
        token_wo_version: 1,
      });

      await ws.run(["plan", "-out=second.tfplan", ...version(1)]);
      const second = await ws.run(["show", "-json", "second.tfplan"]);
      expect(realChanges(client, JSON.parse(second) as PlanJson)).toEqual([]);

      await ws.run(["plan", "-out=rotate.tfplan", ...version(2)]);
      const rotatePlanJson = await ws.run(["show", "-json", "rotate.tfplan"]);
      expect(await ws.run(["apply", "-input=false", "rotate.tfplan"])).toMatch(/1 added, 1 changed, 1 destroyed/);
      const rotated = sink();
      expect(rotated).not.toBe(first);
      expect(
        [await status(rotated, "/v1/events"), await status(first, "/v1/events")],
        "both work during the grace period",
      ).toEqual([200, 200]);
      keyward.advance((GRACE_SECONDS + 1) * 1000);
      expect(
        [await status(rotated, "/v1/events"), await status(first, "/v1/events")],
        "after it, only the new one",
      ).toEqual([200, 401]);

      expectNoToken(ws, {
        "show -json first.tfplan": firstPlanJson,
        "show -json second.tfplan": second,
        "show -json rotate.tfplan": rotatePlanJson,
      });
      await ws.run(["destroy", "-auto-approve", ...version(2)]);
      expect(await status(rotated, "/v1/events")).toBe(401);
    }, 240_000);
  }

  for (const client of clients.filter((c) => !modern(c))) {
    it.concurrent(`${client.name} ${client.version}: stops at init and validate, saying which CLI versions it needs`, async () => {
      const keyward = await startHarness();
      servers.push(keyward);
      const ws = await exampleWorkspace(client, keyward);
      const flat = (output: string) => output.replace(/│/g, " ").replace(/\s+/g, " ");
      // init checks required_version before anything else; validate (which can't parse `ephemeral`) names the blocks.
      const init = await ws.exec(["init", "-input=false"]);
      expect(init.code, init.output).toBe(1);
      expect(flat(init.output)).toMatch(
        /Unsupported (OpenTofu|Terraform) Core version .* required_version = ">= 1.11.1" This configuration does not support/,
      );
      const validate = await ws.exec(["validate"]);
      expect(validate.code, validate.output).toBe(1);
      expect(flat(validate.output)).toContain('Blocks of type "ephemeral" are not expected here');
      expect(existsSync(join(ws.dir, "terraform.tfstate"))).toBe(false);
    }, 90_000);
  }
});
