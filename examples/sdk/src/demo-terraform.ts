// The infrastructure-as-code path: apply examples/terraform/website-integration with a real CLI, take the
// token from its sensitive output, and call the business API with it through the SDK.
import { createKeywardClient } from "@keyward/sdk";
import { expectStatus, fail, ok, step } from "./progress.js";
import { examplePath, firstClient, workspaceFor } from "./run-cli.js";

export async function terraformPath(server: { url: string; adminToken: string }): Promise<void> {
  const client = await firstClient();
  step(`HCL: applying examples/terraform/website-integration with ${client.name} ${client.version}`);
  const workspace = await workspaceFor(examplePath("terraform", "website-integration"), client, server);
  await workspace.run("init", "-input=false", "-no-color");
  ok("init: provider keyward.dev/keyward/keyward installed from the local filesystem mirror");
  const started = Date.now();
  await workspace.run("apply", "-auto-approve", "-input=false", "-no-color");
  ok(`apply: role, integration user and key created (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const outputs = JSON.parse((await workspace.run("output", "-json")).stdout) as Record<string, { value: string; sensitive: boolean }>;
  const token = outputs.token?.value;
  if (!token || !outputs.token?.sensitive) fail("the token output is missing or not sensitive");
  ok(`token read from the sensitive output (${token.slice(0, 9)}…)`);
  const plan = await workspace.run("plan", "-detailed-exitcode", "-input=false", "-no-color");
  if (plan.code !== 0) fail("a second plan is not empty");
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
