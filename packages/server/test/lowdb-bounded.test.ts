// The embedded store rewrites its whole document on every write, so it must not grow without bound: under
// create/revoke churn, retention keeps the document's size flat.
import { stat } from "node:fs/promises";
import { unwrap } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedDemo: false });
});
afterAll(() => h.close());

describe("lowdb document under churn", () => {
  it("when keys are created and revoked in rounds a month apart, then the document stays bounded", async () => {
    const owner = await h.integration({ username: "round-robin", rolePreset: "events_read", keyPreset: "events_read" });
    const sizes: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let index = 0; index < 40; index++) {
        const key = unwrap(
          await h.admin.POST("/v1/api-keys", {
            body: { name: `churn ${round}-${index}`, user_id: owner.userId, preset: "events_read" },
          }),
        );
        unwrap(await h.admin.DELETE("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } } }));
      }
      h.advance(31 * 86_400_000);
      await h.server.keyward.keys.purgeRevokedKeys();
      await h.server.store.flush();
      sizes.push((await stat(h.dataFile)).size);
    }
    expect(sizes[3]!).toBeLessThanOrEqual(sizes[0]! * 1.1);
  }, 60_000);
});
