// keyward_role, keyward_integration_user and keyward_api_key through a whole life, with every CLI on this machine:
// apply → empty plan → update in place → replace → import → drift → destroy.
import { readFile } from "node:fs/promises";
import { type Harness, startHarness } from "@keyward/testkit";
import {
  type CliClient,
  cliClients,
  clientSlug,
  createWorkspace,
  installHint,
  requiredProviders,
  schemaAsPrintedBy,
} from "@keyward/testkit/terraform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const clients = await cliClients();
let keyward: Harness;

beforeAll(async () => {
  keyward = await startHarness();
});
afterAll(async () => {
  await keyward?.close();
});

interface Shape {
  keyName: string;
  owner: "a" | "b";
  rotate: string | null;
  /** Same permissions, listed in another order: must never show a diff. */
  reordered: boolean;
  userName: string;
}

function config(slug: string, shape: Shape): string {
  const grants = [
    `{ resource = "events", actions = ${shape.reordered ? `["update", "read"]` : `["read", "update"]`} }`,
    `{ resource = "people", actions = ["read"], fields = ${shape.reordered ? `["last_name", "first_name"]` : `["first_name", "last_name"]`} }`,
  ];
  return `${requiredProviders}
provider "keyward" {}

resource "keyward_role" "reader" {
  name        = "${slug}-reader"
  permissions = [
    { resource = "events", actions = ["read", "update"] },
    { resource = "people", actions = ["read"], fields = ["first_name", "last_name"] },
  ]
}

resource "keyward_role" "spare" {
  name   = "${slug}-spare"
  preset = "events_read"
}

resource "keyward_integration_user" "a" {
  username = "${slug}-a"
  name     = "${shape.userName}"
  role_ids = [keyward_role.reader.id]
}

resource "keyward_integration_user" "b" {
  username = "${slug}-b"
  name     = "Integration B"
  email    = "b@example.com"
  role_ids = [keyward_role.reader.id]
}

resource "keyward_api_key" "k" {
  name                = "${shape.keyName}"
  user_id             = keyward_integration_user.${shape.owner}.id
  expires_at          = "2099-01-01T00:00:00Z"
  permissions         = [${(shape.reordered ? [...grants].reverse() : grants).join(", ")}]
  allowed_ips         = ${shape.reordered ? `["::1/128", "127.0.0.0/8"]` : `["127.0.0.0/8", "::1/128"]`}
  rotate_when_changed = ${shape.rotate === null ? "null" : `{ version = "${shape.rotate}" }`}
}

output "key_id" { value = keyward_api_key.k.id }
output "user_ids" { value = [keyward_integration_user.a.id, keyward_integration_user.b.id] }
output "role_ids" { value = [keyward_role.reader.id, keyward_role.spare.id] }
output "token" {
  value     = keyward_api_key.k.token
  sensitive = true
}
`;
}

describe("keyward_role, keyward_integration_user and keyward_api_key with real CLIs", () => {
  it("finds at least one Terraform-compatible CLI", () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: apply, no-op plan, update, replace, import, drift, destroy`, async () => {
      await lifecycle(client);
    }, 240_000);
  }
});

async function lifecycle(client: CliClient): Promise<void> {
  const slug = clientSlug(client);
  let shape: Shape = { keyName: "website", owner: "a", rotate: "1", reordered: false, userName: "Integration A" };
  const ws = await createWorkspace(client, keyward, slug, config(slug, shape));
  const reshape = async (change: Partial<Shape>) => {
    shape = { ...shape, ...change };
    await ws.write(config(slug, shape));
  };
  const keyOf = async (id: string) =>
    (await keyward.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: id } } })).data;

  // The CLI serves exactly the committed schema (less what an older CLI's protocol copy lacks: ephemeral, write-only).
  const schema = JSON.parse(await ws.run(["providers", "schema", "-json"]));
  const committed = JSON.parse(
    await readFile(new URL("../src/generated/provider-schema.json", import.meta.url), "utf8"),
  );
  expect(schema.provider_schemas).toEqual(schemaAsPrintedBy(client, committed).provider_schemas);

  // Create; the token works against the business API; a second plan is empty.
  await ws.apply();
  const created = await ws.outputs();
  const firstKey = created.key_id as string;
  expect(String(created.token)).toMatch(/^kw_/);
  expect((await keyward.clientFor(String(created.token)).GET("/v1/events")).response.status).toBe(200);
  await ws.plan(0);

  // Reordered sets never show a diff; renames are updated in place.
  await reshape({ reordered: true });
  await ws.plan(0);
  await reshape({ keyName: "website production", userName: "Integration A (renamed)" });
  expect(await ws.apply()).toMatch(/0 added, 2 changed, 0 destroyed/);
  expect((await ws.outputs()).key_id).toBe(firstKey);
  expect((await keyOf(firstKey))?.name).toBe("website production");
  await ws.plan(0);

  // rotate_when_changed and user_id replace the key; the old one is revoked.
  await reshape({ rotate: "2" });
  expect(await ws.apply()).toMatch(/1 added, 0 changed, 1 destroyed/);
  const rotatedKey = (await ws.outputs()).key_id as string;
  expect(rotatedKey).not.toBe(firstKey);
  expect((await keyOf(firstKey))?.status).toBe("revoked");
  await reshape({ owner: "b" });
  expect(await ws.apply()).toMatch(/1 added, 0 changed, 1 destroyed/);
  const ownedKey = (await ws.outputs()).key_id as string;
  expect(ownedKey).not.toBe(rotatedKey);
  expect((await keyOf(ownedKey))?.user_id).toBe(((await ws.outputs()).user_ids as string[])[1]);

  // Import every resource: the plan is empty (an imported key has no token; rotate_when_changed is Terraform's own).
  const ids = await ws.outputs();
  await reshape({ rotate: null });
  const [userA = "", userB = ""] = ids.user_ids as string[];
  const [reader = "", spare = ""] = ids.role_ids as string[];
  const addresses = [
    "keyward_api_key.k",
    "keyward_integration_user.a",
    "keyward_integration_user.b",
    "keyward_role.reader",
    "keyward_role.spare",
  ];
  await ws.run(["state", "rm", ...addresses]);
  for (const [address, id] of [
    ["keyward_role.reader", reader],
    ["keyward_role.spare", spare],
    ["keyward_integration_user.a", userA],
    ["keyward_integration_user.b", userB],
    ["keyward_api_key.k", ownedKey],
  ] as const) {
    await ws.run(["import", "-input=false", address, String(id)]);
  }
  await ws.plan(0);
  // A null output is left out of `output -json`.
  expect((await ws.outputs()).token ?? null).toBeNull();

  // Setting a Terraform-only attribute on the imported key updates it in place.
  await reshape({ rotate: "3" });
  expect(await ws.apply()).toMatch(/0 added, 1 changed, 0 destroyed/);
  expect((await ws.outputs()).key_id).toBe(ownedKey);

  // Drift: a key disabled outside Terraform is enabled again.
  await keyward.admin.PATCH("/v1/api-keys/{key_id}", {
    params: { path: { key_id: ownedKey } },
    body: { active: false },
  });
  expect(await ws.plan(2)).toMatch(/active\s+= false -> true/);
  await ws.apply();
  expect((await keyOf(ownedKey))?.status).toBe("active");

  // Drift: a key revoked outside Terraform is replaced.
  await keyward.admin.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: ownedKey } } });
  expect(await ws.plan(2)).toMatch(/must be replaced[\s\S]*status\s+= "revoked"[^\n]*forces replacement/);
  expect(await ws.apply()).toMatch(/1 added, 0 changed, 1 destroyed/);
  const replacedKey = (await ws.outputs()).key_id as string;
  expect((await keyOf(replacedKey))?.status).toBe("active");

  // Drift: a user and a role deleted outside Terraform are created again.
  await keyward.admin.DELETE("/v1/users/{user_id}", { params: { path: { user_id: userA } } });
  await keyward.admin.DELETE("/v1/roles/{role_id}", { params: { path: { role_id: spare } } });
  const plan = await ws.plan(2);
  expect(plan).toMatch(/keyward_integration_user\.a will be created/);
  expect(plan).toMatch(/keyward_role\.spare will be created/);
  await ws.apply();
  await ws.plan(0);

  // Destroy: keys revoked, users and roles gone.
  const last = await ws.outputs();
  await ws.run(["destroy", "-auto-approve", "-input=false"]);
  expect((await keyOf(replacedKey))?.status).toBe("revoked");
  for (const id of last.user_ids as string[]) {
    expect(
      (await keyward.admin.GET("/v1/users/{user_id}", { params: { path: { user_id: id } } })).response.status,
    ).toBe(404);
  }
  for (const id of last.role_ids as string[]) {
    expect(
      (await keyward.admin.GET("/v1/roles/{role_id}", { params: { path: { role_id: id } } })).response.status,
    ).toBe(404);
  }
}
