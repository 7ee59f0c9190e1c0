// The CDKTF path: synthesise examples/cdktf-app (IntegrationAccess constructs and a raw ApiKey), apply the
// synthesised JSON with a real CLI through the provider, and call the business API with each token.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { createKeywardClient } from "@keyward/sdk";
import { expectStatus, fail, ok, step } from "./progress.js";
import { examplePath, firstClient, workspaceFor } from "./run-cli.js";
import { scratchDir } from "./scratch.js";

const run = promisify(execFile);

export async function cdktfPath(server: { url: string; adminToken: string }): Promise<void> {
  const client = await firstClient();
  step("CDKTF: synthesising examples/cdktf-app");
  const outdir = await scratchDir("cdktf-");
  await run(process.execPath, [examplePath("cdktf-app", "dist", "main.js")], {
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" },
  });
  ok(`cdk.tf.json written: two IntegrationAccess constructs (website, attendance-scanner) and a raw ApiKey`);

  step(`CDKTF: applying the synthesised stack with ${client.name} ${client.version}`);
  const workspace = await workspaceFor(join(outdir, "stacks", "integrations"), client, server);
  await workspace.run("init", "-input=false", "-no-color");
  await workspace.run("apply", "-auto-approve", "-input=false", "-no-color");
  const outputs = JSON.parse((await workspace.run("output", "-json")).stdout) as Record<string, { value: string }>;
  const tokenOf = (suffix: string) =>
    Object.entries(outputs).find(([name]) => name.endsWith(suffix))?.[1].value ?? fail(`no output *${suffix}`);
  ok(`applied; outputs: ${Object.keys(outputs).join(", ")}`);

  step("CDKTF: calling the business API with each created token");
  const website = createKeywardClient({ baseUrl: server.url, token: tokenOf("website_token") });
  expectStatus((await website.GET("/v1/events")).response.status, 200, "website: GET /v1/events");
  expectStatus((await website.GET("/v1/people")).response.status, 403, "website: GET /v1/people");
  const scanner = createKeywardClient({ baseUrl: server.url, token: tokenOf("scanner_token") });
  expectStatus((await scanner.GET("/v1/attendees")).response.status, 200, "scanner: GET /v1/attendees");
  expectStatus((await scanner.GET("/v1/invoices")).response.status, 403, "scanner: GET /v1/invoices");
  const printer = createKeywardClient({ baseUrl: server.url, token: tokenOf("badge_printer_token") });
  const people = await printer.GET("/v1/people");
  expectStatus(people.response.status, 200, "badge printer: GET /v1/people");
  const fields = [...new Set(people.data?.data.flatMap((person) => Object.keys(person)))].sort().join(", ");
  if (fields !== "first_name, id, last_name") {
    fail(`badge printer saw fields ${fields}`);
  }
  ok(`badge printer sees only ${fields}`);

  await workspace.run("destroy", "-auto-approve", "-input=false", "-no-color");
  expectStatus(
    (await printer.GET("/v1/people")).response.status,
    401,
    "destroy revoked the keys: badge printer GET /v1/people",
  );
}
