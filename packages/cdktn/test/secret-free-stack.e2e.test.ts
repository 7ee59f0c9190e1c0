// CDK Terrain (cdktn) stacks synthesised in-process and applied by every CLI ≥ 1.11 (Terraform on the PATH, OpenTofu
// 1.11 built by the e2e set-up): the raw bindings (EphemeralKeywardToken → ApiKey.tokenWo) and the secret-free
// IntegrationAccess, each token handed to a local-exec sink. The tokens reach Keyward and the sinks, never the
// synthesised JSON, a plan or the state; bumping IntegrationAccess's tokenVersion rotates its key with a grace period.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startHarness } from "@keyward/testkit";
import {
  anyKeywardToken,
  cliClients,
  createWorkspace,
  type PlanJson,
  realChanges,
  supportsSecretFreeKeys,
  writtenFiles,
} from "@keyward/testkit/terraform";
import { DataResource, Testing } from "cdktn";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  ApiKey,
  EphemeralKeywardToken,
  IntegrationAccess,
  IntegrationUser,
  KeywardProvider,
  Role,
} from "../src/index.js";

// Terraform 1.11 on the PATH and OpenTofu 1.11 (built by the e2e set-up).
const clients = (await cliClients()).filter(supportsSecretFreeKeys);
const GRACE_SECONDS = 300;
const SINKS = ["raw-token.txt", "scanner-token.txt"];

/** Writes an ephemeral token to a file beside the state, again whenever one of `triggers` changes. */
function sink(scope: Construct, id: string, file: string, token: string, triggers: unknown[]): void {
  new DataResource(scope, id, {
    triggersReplace: triggers,
    provisioners: [
      {
        type: "local-exec",
        command: `umask 077 && printf '%s' "$TOKEN" > ${file}`,
        environment: { TOKEN: token },
      },
    ],
  });
}

/** The stack, with the scanner's key at `tokenVersion`. */
function synthesise(tokenVersion: number): string {
  return Testing.synthScope((scope) => {
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
    sink(scope, "sink", "raw-token.txt", token.token, [key.id]);

    const scanner = new IntegrationAccess(scope, "scanner", {
      name: "cdktn-scanner",
      permissions: [{ resource: "people", actions: ["read"] }],
      fieldLimits: { people: ["first_name", "last_name"] },
      tokenVersion,
      rotationGracePeriodSeconds: GRACE_SECONDS,
    });
    sink(scope, "scanner_sink", "scanner-token.txt", scanner.token, [scanner.key.id, scanner.tokenVersion]);
  });
}

describe("CDK Terrain: ephemeral token and write-only key input, raw and through IntegrationAccess", () => {
  it("synthesise ephemeral blocks and token_wo/token_wo_version on the keys", () => {
    const json = JSON.parse(synthesise(1)) as {
      ephemeral?: Record<string, Record<string, unknown>>;
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(Object.keys(json.ephemeral ?? {})).toEqual(["keyward_token"]);
    expect(Object.keys(json.ephemeral?.keyward_token ?? {})).toHaveLength(2);
    for (const key of Object.values(json.resource.keyward_api_key ?? {})) {
      expect(key).toMatchObject({
        token_wo: expect.stringMatching(/^\$\{ephemeral\.keyward_token\./),
        token_wo_version: 1,
      });
    }
  });

  it("finds Terraform ≥ 1.11.1 and OpenTofu ≥ 1.11", () => {
    expect(clients.map((c) => c.name).sort()).toEqual(["terraform", "tofu"]);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: apply; the sinks' tokens work; no token in JSON, plans or state; empty re-plan; tokenVersion bump rotates; destroy`, async () => {
      const keyward = await startHarness();
      try {
        const ws = await createWorkspace(
          client,
          keyward,
          `cdktn-${client.name}`,
          "# The configuration is cdk.tf.json, synthesised by the test.\n",
        );
        const shown: [string, string][] = [];
        /** Synthesises at `version`, saves the plan and its `show -json`, and applies the saved plan. */
        const planAndApply = async (version: number, name: string) => {
          await writeFile(join(ws.dir, "cdk.tf.json"), synthesise(version));
          await ws.run(["plan", "-input=false", `-out=${name}.tfplan`]);
          shown.push([`show -json ${name}.tfplan`, await ws.run(["show", "-json", `${name}.tfplan`])]);
          return ws.run(["apply", "-input=false", `${name}.tfplan`]);
        };
        const read = (file: string) => readFileSync(join(ws.dir, file), "utf8");
        const status = async (token: string, path: "/v1/events" | "/v1/people") =>
          (await keyward.clientFor(token).GET(path)).response.status;

        await writeFile(join(ws.dir, "cdk.tf.json"), synthesise(1));
        await ws.run(["init", "-input=false"]);
        await planAndApply(1, "first");
        const [raw, scanner] = SINKS.map(read) as [string, string];
        expect([raw, scanner], "the grep below finds tokens of this format").toEqual([
          expect.stringMatching(anyKeywardToken),
          expect.stringMatching(anyKeywardToken),
        ]);
        expect([await status(raw, "/v1/events"), await status(raw, "/v1/people")]).toEqual([200, 403]);
        expect([await status(scanner, "/v1/people"), await status(scanner, "/v1/events")]).toEqual([200, 403]);
        const people = await keyward.clientFor(scanner).GET("/v1/people");
        expect(Object.keys(people.data?.data[0] ?? {}).sort()).toEqual(["first_name", "id", "last_name"]);

        await ws.run(["plan", "-input=false", "-out=second.tfplan"]);
        const second = await ws.run(["show", "-json", "second.tfplan"]);
        shown.push(["show -json second.tfplan", second]);
        expect(realChanges(client, JSON.parse(second) as PlanJson)).toEqual([]);

        expect(await planAndApply(2, "rotate")).toMatch(/1 added, 1 changed, 1 destroyed/);
        const rotated = read("scanner-token.txt");
        expect(rotated).not.toBe(scanner);
        expect([await status(rotated, "/v1/people"), await status(scanner, "/v1/people")], "grace").toEqual([200, 200]);
        keyward.advance((GRACE_SECONDS + 1) * 1000);
        expect([await status(rotated, "/v1/people"), await status(scanner, "/v1/people")], "after").toEqual([200, 401]);

        const checked = [...writtenFiles(ws.dir, SINKS), ...shown];
        expect(checked.map(([name]) => name)).toEqual(
          expect.arrayContaining(["cdk.tf.json", "terraform.tfstate", "first.tfplan:tfplan", "rotate.tfplan:tfplan"]),
        );
        expect(checked.filter(([, text]) => anyKeywardToken.test(text)).map(([name]) => name)).toEqual([]);

        await ws.run(["destroy", "-auto-approve", "-input=false"]);
        expect([await status(raw, "/v1/events"), await status(rotated, "/v1/people")]).toEqual([401, 401]);
      } finally {
        await keyward.close();
      }
    }, 240_000);
  }
});
