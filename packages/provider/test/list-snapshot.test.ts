// Reads answered from one list call per resource type: against the reference server in-process, counting the
// requests the client sends.
import { type ApiKey, createKeywardClient, unwrap } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListSnapshots } from "../src/list-snapshot.js";

let keyward: Harness;
let keys: ApiKey[];
const sent: string[] = [];

beforeAll(async () => {
  keyward = await startHarness();
  const role = unwrap(
    await keyward.admin.POST("/v1/roles", {
      body: { name: "lister", permissions: [{ resource: "events", actions: ["read"] }] },
    }),
  );
  const user = unwrap(
    await keyward.admin.POST("/v1/users", { body: { username: "lister", name: "Lister", role_ids: [role.id] } }),
  );
  keys = [];
  for (const name of ["a", "b", "c"]) {
    const created = unwrap(
      await keyward.admin.POST("/v1/api-keys", {
        body: { name, user_id: user.id, permissions: [{ resource: "events", actions: ["read"] }] },
      }),
    );
    keys.push(unwrap(await keyward.admin.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: created.id } } })));
  }
});

afterAll(async () => {
  await keyward?.close();
});

function countingClient() {
  return createKeywardClient(
    { baseUrl: keyward.url, token: keyward.adminToken },
    {
      fetch: (request, init) => {
        sent.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(request, init);
      },
    },
  );
}

describe("list snapshots", () => {
  it("answer every read of a type from one list call, with what a GET answers", async () => {
    sent.length = 0;
    const lists = new ListSnapshots(countingClient);
    const found = await Promise.all(keys.map((key) => lists.find("/v1/api-keys", key.id)));
    expect(found).toEqual(keys);
    expect(sent).toEqual(["GET /v1/api-keys"]);
  });

  it("know nothing of an id the list didn't hold, so the read makes its own GET", async () => {
    const lists = new ListSnapshots(countingClient);
    expect(await lists.find("/v1/api-keys", "key_notlisted")).toBeUndefined();
  });

  it("list again after a write, and show the change", async () => {
    sent.length = 0;
    const lists = new ListSnapshots(countingClient);
    const key = keys[0] as ApiKey;
    expect((await lists.find("/v1/api-keys", key.id))?.active).toBe(true);
    unwrap(
      await keyward.admin.PATCH("/v1/api-keys/{key_id}", {
        params: { path: { key_id: key.id } },
        body: { active: false },
      }),
    );
    lists.dropAll();
    expect(await lists.find("/v1/api-keys", key.id)).toMatchObject({ active: false, status: "disabled" });
    expect(sent).toEqual(["GET /v1/api-keys", "GET /v1/api-keys"]);
  });
});
