import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type CliClient,
  createPluginWorkspace,
  findClients,
  hasWriteOnlyAttributes,
  zipEntries,
} from "@keyward/testkit/terraform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledExampleProvider, exampleHeader } from "./fixtures/example-config.js";
import { bundleExampleProvider } from "./helpers/bundle-provider.js";

const root = mkdtempSync(join(tmpdir(), "tfplugin-secret-free-"));
const bundled = join(root, "provider.js");
// Every CLI the e2e set-up provides: Terraform 1.11 on the PATH, OpenTofu 1.11 built by the set-up, older CLIs.
const clients = await findClients();
const workspace = (client: CliClient, mainTf: string) =>
  createPluginWorkspace(
    join(root, `${client.name}-${client.version}`),
    client,
    bundledExampleProvider(bundled),
    mainTf,
  );

/** Every token example_token makes; none may appear in a state or plan file. */
const tokenPattern = /ex_[0-9a-f]{32}/;

/** An ephemeral token sent to a write-only attribute and to a local-exec sink, as issue 11's secret-free example does. */
const secretFreeTf = `${exampleHeader}
variable "secret_version" { type = number }
ephemeral "example_token" "t" {}
resource "example_credential" "c" {
  name              = "c"
  secret_wo         = ephemeral.example_token.t.token
  secret_wo_version = var.secret_version
}
resource "terraform_data" "sink" {
  triggers_replace = var.secret_version
  provisioner "local-exec" {
    command     = "printf %s \\"$TOKEN\\" > token.txt"
    environment = { TOKEN = ephemeral.example_token.t.token }
  }
}
`;

/** What an older CLI can parse: a write-only attribute set from an ordinary variable. */
const writeOnlyOnlyTf = `${exampleHeader}
variable "secret" { type = string }
resource "example_credential" "c" {
  name      = "c"
  secret_wo = var.secret
}
`;

beforeAll(async () => {
  await bundleExampleProvider(bundled);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("ephemeral resources and write-only attributes through real CLIs", () => {
  it("finds OpenTofu 1.11 or later (the e2e set-up builds it) and Terraform 1.11 or later", () => {
    expect(
      [...new Set(clients.filter(hasWriteOnlyAttributes).map((c) => c.name))].sort(),
      "put Terraform ≥ 1.11 on the PATH",
    ).toEqual(["terraform", "tofu"]);
  });

  for (const client of clients.filter(hasWriteOnlyAttributes)) {
    it.concurrent(`${client.name} ${client.version}: the token reaches the credential and the sink, never state or plan`, async () => {
      const ws = workspace(client, secretFreeTf);
      const { dir } = ws;
      const cli = async (args: string[], want = 0) => {
        const result = await ws.exec(args);
        expect(result.code, `${client.name} ${args.join(" ")}\n${result.output}`).toBe(want);
        return result.output;
      };
      const version = (v: number) => ["-input=false", "-var", `secret_version=${v}`];
      const storedSecretHash = () =>
        Object.values(
          JSON.parse(readFileSync(join(dir, "store.json.credentials"), "utf8")) as Record<
            string,
            { secret_sha256: string }
          >,
        )[0]?.secret_sha256;
      const sinkToken = () => readFileSync(join(dir, "token.txt"), "utf8");
      const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
      const expectNoToken = (what: string, text: string) =>
        expect(tokenPattern.exec(text)?.[0], `token in ${what}`).toBeUndefined();

      await cli(["init", "-input=false"]);
      await cli(["plan", "-out=first.tfplan", ...version(1)]);
      for (const [name, entry] of zipEntries(join(dir, "first.tfplan"))) {
        expectNoToken(`saved plan entry ${name}`, entry.toString("latin1"));
      }
      expectNoToken("show -json of the plan", await cli(["show", "-json", "first.tfplan"]));
      await cli(["apply", "-input=false", "first.tfplan"]);

      const firstToken = sinkToken();
      expect(firstToken).toMatch(tokenPattern);
      expect(storedSecretHash(), "create received the token the sink got").toBe(sha256(firstToken));
      const state = readFileSync(join(dir, "terraform.tfstate"), "utf8");
      expectNoToken("state", state);
      const credential = (
        JSON.parse(state) as { resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[] }
      ).resources.find((r) => r.type === "example_credential");
      expect(credential?.instances[0]?.attributes).toMatchObject({ secret_wo: null, secret_wo_version: 1 });

      await cli(["plan", "-out=second.tfplan", ...version(1)]);
      const second = JSON.parse(await cli(["show", "-json", "second.tfplan"])) as {
        resource_changes?: { address: string; change: { actions: string[] } }[];
      };
      // OpenTofu 1.11 lists each ephemeral resource as "open" in plans (removed in 1.12); nothing else may change.
      const changes = (second.resource_changes ?? []).filter(
        (c) =>
          !(
            c.change.actions.join() === "no-op" ||
            (client.name === "tofu" && c.address.startsWith("ephemeral.") && c.change.actions.join() === "open")
          ),
      );
      expect(changes).toEqual([]);

      expect(await cli(["apply", "-auto-approve", ...version(2)])).toMatch(/1 added, 1 changed, 1 destroyed/);
      const rotatedToken = sinkToken();
      expect(rotatedToken).not.toBe(firstToken);
      expect(storedSecretHash(), "update received the new token").toBe(sha256(rotatedToken));
      expectNoToken("state after the version bump", readFileSync(join(dir, "terraform.tfstate"), "utf8"));

      const closed = readFileSync(join(dir, "store.json.closed"), "utf8").trim().split("\n");
      expect(closed.length, "every plan and apply closes the token it opened").toBeGreaterThanOrEqual(4);
      expect(
        closed.every((id) => /^[0-9a-f-]{36}$/.test(id)),
        "close receives the private state from open",
      ).toBe(true);

      await cli(["destroy", "-auto-approve", ...version(2)]);
      expect(JSON.parse(readFileSync(join(dir, "store.json.credentials"), "utf8"))).toEqual({});
    }, 180_000);
  }

  for (const client of clients.filter((c) => !hasWriteOnlyAttributes(c))) {
    it.concurrent(`${client.name} ${client.version}: a write-only attribute fails validation, naming the CLIs that support it`, async () => {
      const ws = workspace(client, writeOnlyOnlyTf);
      expect((await ws.exec(["init", "-input=false"])).code).toBe(0);
      const result = await ws.exec(["validate"]);
      const text = result.output.replace(/│/g, " ").replace(/\s+/g, " ");
      expect(result.code, result.output).toBe(1);
      expect(text).toContain("Write-only attribute not supported by this CLI");
      expect(text).toContain("Only Terraform 1.11 and later and OpenTofu 1.11 and later support write-only attributes");
    }, 90_000);
  }
});
