// A CDK Terrain (cdktn) stack built from the generated bindings, synthesised in-process and applied by every CLI ≥ 1.11:
// EphemeralKeywardToken → ApiKey.tokenWo and a local-exec sink. The token reaches Keyward and the sink, never state.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startHarness } from "@keyward/testkit";
import { cliClients, createWorkspace, supportsSecretFreeKeys } from "@keyward/testkit/terraform";
import { DataResource, Testing } from "cdktn";
import { describe, expect, it } from "vitest";
import { ApiKey, EphemeralKeywardToken, IntegrationUser, KeywardProvider, Role } from "../src/index.js";

process.env.CHECKPOINT_DISABLE = "1";
// Terraform 1.11 on the PATH and OpenTofu 1.11 (built by the e2e set-up).
const clients = (await cliClients()).filter(supportsSecretFreeKeys);

const synthesised = Testing.synthScope((scope) => {
  new KeywardProvider(scope, "keyward", {});
  const role = new Role(scope, "role", {
    name: "cdktn-secret-free",
    permissions: [{ resource: "events", actions: ["read"] }],
  });
  const user = new IntegrationUser(scope, "user", {
    username: "cdktn-secret-free",
    name: "CDK Terrain",
    roleIds: [role.id],
  });
  const token = new EphemeralKeywardToken(scope, "token");
  const key = new ApiKey(scope, "key", {
    name: "cdktn secret-free",
    userId: user.id,
    permissions: [{ resource: "events", actions: ["read"] }],
    tokenWo: token.token,
    tokenWoVersion: 1,
  });
  new DataResource(scope, "sink", {
    triggersReplace: [key.id],
    provisioners: [
      {
        type: "local-exec",
        command: "umask 077 && printf '%s' \"$TOKEN\" > token.txt",
        environment: { TOKEN: token.token },
      },
    ],
  });
});

describe("CDK Terrain bindings: ephemeral token and write-only key input", () => {
  it("synthesise an ephemeral block and token_wo/token_wo_version on the key", () => {
    const json = JSON.parse(synthesised) as {
      ephemeral?: Record<string, unknown>;
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(Object.keys(json.ephemeral ?? {})).toEqual(["keyward_token"]);
    expect(Object.values(json.resource.keyward_api_key ?? {})[0]).toMatchObject({
      token_wo: expect.stringMatching(/^\$\{ephemeral\.keyward_token\./),
      token_wo_version: 1,
    });
  });

  it("finds Terraform ≥ 1.11.1 and OpenTofu ≥ 1.11", () => {
    expect(clients.map((c) => c.name).sort()).toEqual(["terraform", "tofu"]);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: apply; the sink's token works; no token in state; empty re-plan; destroy`, async () => {
      const keyward = await startHarness();
      try {
        const ws = await createWorkspace(
          client,
          keyward,
          `cdktn-${client.name}`,
          "# The configuration is cdk.tf.json, synthesised by the test.\n",
        );
        await writeFile(join(ws.dir, "cdk.tf.json"), synthesised);
        await ws.run(["init", "-input=false"]);
        await ws.apply();
        const token = readFileSync(join(ws.dir, "token.txt"), "utf8");
        expect([
          (await keyward.clientFor(token).GET("/v1/events")).response.status,
          (await keyward.clientFor(token).GET("/v1/people")).response.status,
        ]).toEqual([200, 403]);
        expect(
          /kwa?_[0-9A-Za-z]{36}/.exec(readFileSync(join(ws.dir, "terraform.tfstate"), "utf8"))?.[0],
          "a token in state",
        ).toBeUndefined();
        const plan = await ws.exec(["plan", "-detailed-exitcode", "-input=false"]);
        expect(plan.output).toMatch(/No changes|0 to add, 0 to change, 0 to destroy/);
        await ws.run(["destroy", "-auto-approve", "-input=false"]);
        expect((await keyward.clientFor(token).GET("/v1/events")).response.status).toBe(401);
      } finally {
        await keyward.close();
      }
    }, 180_000);
  }
});
