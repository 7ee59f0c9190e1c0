// examples/cdktf-app end to end, with every Terraform-compatible CLI on this machine: synthesise the app with plain
// Node, apply the synthesised JSON through the provider installed from the filesystem mirror against a real server,
// call the business API with each created token through the SDK, check that a second plan is empty, destroy.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Harness, startHarness } from "@keyward/testkit";
import { type CliClient, cliClients, createWorkspace, installHint, type Workspace } from "@keyward/testkit/terraform";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const appMain = join(root, "examples", "cdktf-app", "dist", "main.js");
const STACK = "integrations";

await ensureBuilt();
const clients = await cliClients();

describe("examples/cdktf-app applied by real CLIs", () => {
  it("finds at least one Terraform-compatible CLI", () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: synth, apply, call the API with each token, empty plan, destroy`, async () => {
      const keyward = await startHarness();
      try {
        await endToEnd(client, keyward);
      } finally {
        await keyward.close();
      }
    }, 240_000);
  }
});

async function endToEnd(client: CliClient, keyward: Harness): Promise<void> {
  const ws = await workspaceWithSynthesisedApp(client, keyward);
  await ws.apply();
  const tokens = await ws.outputs();
  for (const name of ["website_token", "scanner_token", "badge_printer_token"]) {
    expect(String(tokens[name]), name).toMatch(/^kw_/);
  }
  const status = async (
    token: unknown,
    path: "/v1/events" | "/v1/sessions" | "/v1/attendees" | "/v1/people" | "/v1/invoices",
  ) => (await keyward.clientFor(String(token)).GET(path)).response.status;
  const fieldsSeen = async (token: unknown) => {
    const { data } = await keyward.clientFor(String(token)).GET("/v1/people");
    expect(data?.data.length).toBeGreaterThan(0);
    return [...new Set(data?.data.flatMap((person) => Object.keys(person)))].sort();
  };

  // The website (preset events_read): events and sessions, nothing else.
  expect(await status(tokens.website_token, "/v1/events")).toBe(200);
  expect(await status(tokens.website_token, "/v1/sessions")).toBe(200);
  expect(await status(tokens.website_token, "/v1/people")).toBe(403);
  expect(await status(tokens.website_token, "/v1/attendees")).toBe(403);

  // The scanner: reads and checks in attendees, reads people's names and company only.
  const scanner = keyward.clientFor(String(tokens.scanner_token));
  const attendees = await scanner.GET("/v1/attendees");
  expect(attendees.response.status).toBe(200);
  const attendee = attendees.data?.data[0];
  expect(attendee).toBeDefined();
  const checkIn = await scanner.PATCH("/v1/attendees/{record_id}", {
    params: { path: { record_id: String(attendee?.id) } },
    body: { status: "checked_in" },
  });
  expect(checkIn.response.status).toBe(200);
  expect(await fieldsSeen(tokens.scanner_token)).toEqual(["company", "first_name", "id", "last_name"]);
  expect(await status(tokens.scanner_token, "/v1/events")).toBe(403);
  expect(await status(tokens.scanner_token, "/v1/invoices")).toBe(403);

  // The badge printer (raw ApiKey with field limits): people's names, nothing else.
  expect(await fieldsSeen(tokens.badge_printer_token)).toEqual(["first_name", "id", "last_name"]);
  expect(await status(tokens.badge_printer_token, "/v1/attendees")).toBe(403);
  expect(await status(tokens.badge_printer_token, "/v1/events")).toBe(403);

  // Nothing changes on a second plan.
  await ws.plan(0);

  // The server holds what the app declared: each key owned by its integration user, who holds its role.
  const created = await managedIds(ws);
  expect(created.keyward_integration_user).toHaveLength(3);
  expect(created.keyward_role).toHaveLength(3);
  expect(created.keyward_api_key).toHaveLength(3);
  for (const id of created.keyward_api_key) {
    const key = (await keyward.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: id } } })).data;
    expect(key?.status).toBe("active");
    const owner = (
      await keyward.admin.GET("/v1/users/{user_id}", { params: { path: { user_id: String(key?.user_id) } } })
    ).data;
    expect(owner).toMatchObject({ kind: "integration", is_admin: false });
    expect(owner?.role_ids).toHaveLength(1);
    expect(created.keyward_role).toContain(owner?.role_ids[0]);
  }

  // Destroy: keys revoked (their tokens stop working), users and roles gone.
  await ws.run(["destroy", "-auto-approve", "-input=false"]);
  for (const id of created.keyward_api_key) {
    expect((await keyward.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: id } } })).data?.status).toBe(
      "revoked",
    );
  }
  for (const id of created.keyward_integration_user) {
    expect(
      (await keyward.admin.GET("/v1/users/{user_id}", { params: { path: { user_id: id } } })).response.status,
    ).toBe(404);
  }
  for (const id of created.keyward_role) {
    expect(
      (await keyward.admin.GET("/v1/roles/{role_id}", { params: { path: { role_id: id } } })).response.status,
    ).toBe(404);
  }
  expect(await status(tokens.website_token, "/v1/events")).toBe(401);
}

/** Synthesises the example app with plain Node into a fresh folder and initialises a workspace holding its JSON. */
async function workspaceWithSynthesisedApp(client: CliClient, keyward: Harness): Promise<Workspace> {
  const outdir = await mkdtemp(join(tmpdir(), "cdktf-out-"));
  await run(process.execPath, [appMain], { env: { ...process.env, CDKTF_OUTDIR: outdir }, timeout: 60_000 });
  const synthesised = join(outdir, "stacks", STACK, "cdk.tf.json");
  // The workspace helper writes a main.tf and runs `init`; the configuration is the synthesised JSON beside it.
  const ws = await createWorkspace(
    client,
    keyward,
    `cdktf-${client.name}`,
    "# The configuration is cdk.tf.json, synthesised by examples/cdktf-app.\n",
  );
  await copyFile(synthesised, join(ws.dir, "cdk.tf.json"));
  await ws.run(["init", "-input=false"]);
  return ws;
}

/** The ids of the managed resources in the workspace's state, by resource type. */
async function managedIds(
  ws: Workspace,
): Promise<Record<"keyward_integration_user" | "keyward_role" | "keyward_api_key", string[]>> {
  interface StateResource {
    type: string;
    mode: string;
    values: { id: string };
  }
  const state = JSON.parse(await ws.run(["show", "-json"])) as {
    values?: { root_module?: { resources?: StateResource[] } };
  };
  const resources = (state.values?.root_module?.resources ?? []).filter((r) => r.mode === "managed");
  const ids = (type: string) => resources.filter((r) => r.type === type).map((r) => r.values.id);
  return {
    keyward_integration_user: ids("keyward_integration_user"),
    keyward_role: ids("keyward_role"),
    keyward_api_key: ids("keyward_api_key"),
  };
}

/**
 * `npm test` builds everything first; when run on its own, build the example app if it is missing
 * (`tsc -b examples/cdktf-app`; the e2e set-up has built the provider mirror).
 */
async function ensureBuilt(): Promise<void> {
  if (!existsSync(appMain)) {
    await run(
      process.execPath,
      [join(root, "node_modules", "typescript", "bin", "tsc"), "-b", join(root, "examples", "cdktf-app")],
      {
        timeout: 180_000,
      },
    );
  }
}
