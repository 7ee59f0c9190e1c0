// The HCL examples in examples/terraform are applied by every CLI, and the keys they create are used against the
// business API through the SDK: allowed calls answer 200, calls outside the key's scope 403, fields are filtered.
import { readFile } from "node:fs/promises";
import type { KeywardClient } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { type CliClient, cliClients, createWorkspace, installHint } from "@keyward/testkit/terraform";
import { describe, expect, it } from "vitest";

const clients = await cliClients();

type Check = (api: KeywardClient) => Promise<void>;

const keysOf = (items: readonly object[] | undefined) =>
  [...new Set((items ?? []).flatMap((item) => Object.keys(item)))].sort();

const examples: Record<string, Check> = {
  "website-integration": async (api) => {
    const events = await api.GET("/v1/events");
    expect(events.response.status).toBe(200);
    expect(events.data?.data.length).toBeGreaterThan(0);
    expect((await api.GET("/v1/sessions")).response.status).toBe(200);
    expect((await api.GET("/v1/people")).response.status).toBe(403);
  },
  "attendance-scanner": async (api) => {
    const attendees = await api.GET("/v1/attendees");
    expect(attendees.response.status).toBe(200);
    // Only the key's fields (a record may lack some); never person_id.
    expect(["badge_name", "checked_in_at", "event_id", "id", "status"]).toEqual(
      expect.arrayContaining(keysOf(attendees.data?.data)),
    );
    expect(keysOf(attendees.data?.data)).toContain("event_id");
    expect((await api.GET("/v1/invoices")).response.status).toBe(403);
  },
  "calendar-sync": async (api) => {
    const people = await api.GET("/v1/people");
    expect(people.response.status).toBe(200);
    expect(keysOf(people.data?.data)).toEqual(["first_name", "id", "last_name"]);
    expect((await api.GET("/v1/invoices")).response.status).toBe(403);
  },
};

describe("examples/terraform applied with real CLIs", () => {
  it("finds at least one Terraform-compatible CLI", () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: ${Object.keys(examples).join(", ")}`, async () => {
      // The examples use fixed usernames: one server per CLI.
      const keyward = await startHarness();
      try {
        for (const [name, check] of Object.entries(examples)) {
          await applyExample(client, keyward, name, check);
        }
      } finally {
        await keyward.close();
      }
    }, 180_000);
  }
});

async function applyExample(client: CliClient, keyward: Harness, name: string, check: Check): Promise<void> {
  const mainTf = await readFile(new URL(`../../../examples/terraform/${name}/main.tf`, import.meta.url), "utf8");
  const ws = await createWorkspace(client, keyward, name, mainTf);
  await ws.apply();
  const token = String((await ws.outputs()).token);
  const api = keyward.clientFor(token);
  await check(api);
  await ws.plan(0);
  await ws.run(["destroy", "-auto-approve", "-input=false"]);
  expect((await api.GET("/v1/events")).response.status).toBe(401);
}
