// The infrastructure-as-code path with a real CLI, then a call to the business API through the SDK with the key it
// made. On a CLI that supports it (Terraform ≥ 1.11.1, OpenTofu ≥ 1.11) it applies examples/terraform/secret-free-key:
// the token is made by an ephemeral resource, sent write-only, and read from the sink, never from state. On older
// CLIs it applies examples/terraform/website-integration and reads the token from a sensitive output.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createKeywardClient } from "@keyward/sdk";
import { supportsSecretFreeKeys, type TerraformClient } from "@keyward/testkit/terraform";
import { expectStatus, fail, ok, step } from "./progress.js";
import { examplePath, firstClient, type Workspace, workspaceFor } from "./run-cli.js";

export async function terraformPath(server: { url: string; adminToken: string }): Promise<void> {
  const client = await firstClient({ prefer: supportsSecretFreeKeys });
  const secretFree = supportsSecretFreeKeys(client);
  const example = secretFree ? "secret-free-key" : "website-integration";
  step(
    secretFree
      ? `HCL: applying examples/terraform/${example} with ${client.name} ${client.version} (secret-free: ephemeral keyward_token + write-only token_wo, no token in state)`
      : `HCL: applying examples/terraform/${example} with ${client.name} ${client.version} (token in state, sensitive: this CLI has no write-only attributes; Terraform ≥ 1.11.1 or OpenTofu ≥ 1.11 keep it out)`,
  );
  const workspace = await workspaceFor(examplePath("terraform", example), client, server);
  await workspace.run("init", "-input=false", "-no-color");
  ok("init: provider keyward.dev/keyward/keyward installed from the local filesystem mirror");
  const started = Date.now();
  await workspace.run("apply", "-auto-approve", "-input=false", "-no-color");
  ok(`apply: role, integration user and key created (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const token = secretFree ? await tokenFromSink(workspace, client) : await tokenFromOutput(workspace);
  const plan = await workspace.run("plan", "-detailed-exitcode", "-input=false", "-no-color");
  if (plan.code !== 0 && !(secretFree && onlyOpensEphemerals(plan.stdout))) {
    fail("a second plan is not empty");
  }
  ok("a second plan is empty (no drift)");

  step("HCL: calling the business API with the key Terraform created");
  const website = createKeywardClient({ baseUrl: server.url, token });
  const events = await website.GET("/v1/events");
  expectStatus(events.response.status, 200, `GET /v1/events (${events.data?.data.length ?? 0} events)`);
  const people = await website.GET("/v1/people");
  expectStatus(people.response.status, 403, `GET /v1/people (${people.error?.code})`);

  await workspace.run("destroy", "-auto-approve", "-input=false", "-no-color");
  const revoked = await website.GET("/v1/events");
  expectStatus(revoked.response.status, 401, `destroy revoked the key: GET /v1/events (${revoked.error?.code})`);
}

async function tokenFromOutput(workspace: Workspace): Promise<string> {
  const outputs = JSON.parse((await workspace.run("output", "-json")).stdout) as Record<
    string,
    { value: string; sensitive: boolean }
  >;
  const token = outputs.token?.value;
  if (!token || !outputs.token?.sensitive) {
    fail("the token output is missing or not sensitive");
  }
  ok(`token read from the sensitive output (${token.slice(0, 9)}…)`);
  return token;
}

async function tokenFromSink(workspace: Workspace, client: TerraformClient): Promise<string> {
  const token = await readFile(join(workspace.dir, "website-token.txt"), "utf8");
  const state = await readFile(join(workspace.dir, "terraform.tfstate"), "utf8");
  if (/kwa?_[0-9A-Za-z]{36}/.test(state)) {
    fail(`the ${client.name} state holds a token`);
  }
  ok(`token read from the sink (${token.slice(0, 9)}…); terraform.tfstate holds no token`);
  return token;
}

/** OpenTofu 1.11 lists each ephemeral resource as "open" in a plan (gone in 1.12); nothing else may change. */
const onlyOpensEphemerals = (plan: string) =>
  /0 to add, 0 to change, 0 to destroy/.test(plan) && !/ will be (created|updated|destroyed|replaced)/.test(plan);
