// What a key may do is worked out once per version of its grants and its owner's roles (access.ts); every change to
// any of them is seen by the next request.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCatalog } from "../src/domain/catalog.js";
import { createKeyward, type Keyward } from "../src/domain/keyward.js";
import { LowdbStore } from "../src/storage/lowdb/lowdb-store.js";

const system = { type: "system" as const, id: null };
let dir: string;
let store: LowdbStore;
let keyward: Keyward;
let ids: { role: string; otherRole: string; user: string; key: string };
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "keyward-grant-changes-"));
  store = await LowdbStore.open(join(dir, "keyward.json"));
  keyward = createKeyward({ store, clock: () => new Date(), catalog: createCatalog() });
  const role = await keyward.roles.create(
    { name: "reader", description: "", permissions: [{ resource: "events", actions: ["read"] }] },
    system,
  );
  const otherRole = await keyward.roles.create(
    { name: "people", description: "", permissions: [{ resource: "people", actions: ["read"] }] },
    system,
  );
  const user = await keyward.users.create(
    { username: "integration", name: "Integration", kind: "integration", role_ids: [role.id] },
    system,
  );
  const key = await keyward.keys.create(
    {
      name: "k",
      user_id: user.id,
      permissions: [{ resource: "events", actions: ["read"], fields: ["name", "venue"] }],
    },
    system,
  );
  ids = { role: role.id, otherRole: otherRole.id, user: user.id, key: key.id };
  token = key.token ?? "";
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The fields the key may read of events on its next request, or the refusal. */
async function eventsScope(): Promise<string[] | string> {
  const authn = await keyward.access.authenticate(token, "127.0.0.1");
  if (!authn.ok || authn.principal.kind !== "key") {
    throw new Error(`not authenticated: ${JSON.stringify(authn)}`);
  }
  const decision = keyward.access.authorize(authn.principal, "events", "read");
  if (!decision.ok) {
    return decision.reason;
  }
  return decision.scope === "all" ? ["all"] : [...decision.scope].sort();
}

describe("grant changes reach the next request", () => {
  it("when the owner's role narrows, widens or drops the permission, then the key's next request follows", async () => {
    expect(await eventsScope()).toEqual(["name", "venue"]);
    await keyward.roles.update(
      ids.role,
      { permissions: [{ resource: "events", actions: ["read"], fields: ["name"] }] },
      system,
    );
    expect(await eventsScope()).toEqual(["name"]);
    await keyward.roles.update(ids.role, { permissions: [{ resource: "events", actions: ["read"] }] }, system);
    expect(await eventsScope()).toEqual(["name", "venue"]);
    await keyward.roles.update(ids.role, { permissions: [{ resource: "events", actions: ["create"] }] }, system);
    expect(await eventsScope()).toBe("permission_denied");
    await keyward.roles.update(ids.role, { permissions: [{ resource: "events", actions: ["read"] }] }, system);
    expect(await eventsScope()).toEqual(["name", "venue"]);
  });

  it("when the owner's roles are replaced, then the key's next request follows", async () => {
    await keyward.users.update(ids.user, { role_ids: [ids.otherRole] }, system);
    expect(await eventsScope()).toBe("permission_denied");
    await keyward.users.update(ids.user, { role_ids: [ids.otherRole, ids.role] }, system);
    expect(await eventsScope()).toEqual(["name", "venue"]);
  });

  it("when the key's own grants change, then its next request follows", async () => {
    await keyward.keys.update(
      ids.key,
      { permissions: [{ resource: "events", actions: ["read"], fields: ["venue"] }] },
      system,
    );
    expect(await eventsScope()).toEqual(["venue"]);
    await keyward.keys.update(ids.key, { permissions: [{ resource: "events", actions: ["read"] }] }, system);
    expect(await eventsScope()).toEqual(["all"]);
  });
});
