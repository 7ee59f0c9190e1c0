// keyward_settings (a singleton: each CLI gets its own server) and the three data sources, with every CLI.

import { type Harness, startHarness } from "@keyward/testkit";
import {
  type CliClient,
  cliClients,
  createWorkspace,
  installHint,
  requiredProviders,
} from "@keyward/testkit/terraform";
import { describe, expect, it } from "vitest";

const clients = await cliClients();

const config = (settings: string) => `${requiredProviders}
resource "keyward_settings" "s" {
  ${settings}
}
data "keyward_permissions" "catalog" {}
data "keyward_role" "by_name" { name = "looked-up" }
data "keyward_integration_user" "by_username" { username = "looked-up" }

output "resources" { value = sort([for r in data.keyward_permissions.catalog.resources : r.name]) }
output "presets" { value = sort([for p in data.keyward_permissions.catalog.presets : p.name]) }
output "role" { value = data.keyward_role.by_name }
output "user_roles" { value = data.keyward_integration_user.by_username.role_ids }
`;

describe("keyward_settings and the data sources with real CLIs", () => {
  it("finds at least one Terraform-compatible CLI", () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: settings apply, update, drift, import, destroy resets; lookups`, async () => {
      const keyward = await startHarness();
      try {
        await settingsLifecycle(client, keyward);
      } finally {
        await keyward.close();
      }
    }, 180_000);
  }
});

async function settingsLifecycle(client: CliClient, keyward: Harness): Promise<void> {
  const settings = async () => (await keyward.admin.GET("/v1/settings")).data;
  const role = (await keyward.admin.POST("/v1/roles", { body: { name: "looked-up", preset: "events_read" } })).data;
  await keyward.admin.POST("/v1/users", {
    body: { username: "looked-up", name: "Looked up", role_ids: [role?.id ?? ""] },
  });

  const ws = await createWorkspace(
    client,
    keyward,
    "settings",
    config(`key_inactivity_days = 30\n  max_key_lifetime_days = 365`),
  );
  await ws.apply();
  expect(await settings()).toMatchObject({
    key_inactivity_days: 30,
    max_key_lifetime_days: 365,
    features: { external_connectivity: true },
  });
  const outputs = await ws.outputs();
  expect(outputs.resources).toEqual(["attendees", "documents", "events", "invoices", "people", "sessions"]);
  expect(outputs.presets).toContain("events_read");
  expect(outputs.role).toMatchObject({ id: role?.id, name: "looked-up", preset: "events_read" });
  expect(outputs.user_roles).toEqual([role?.id]);
  await ws.plan(0);

  // Update in place; an attribute left out goes back to its default.
  await ws.write(config(`key_inactivity_days = 0\n  features = { external_connectivity = true }`));
  expect(await ws.apply()).toMatch(/0 added, 1 changed, 0 destroyed/);
  expect(await settings()).toMatchObject({ key_inactivity_days: 0, max_key_lifetime_days: null });
  await ws.plan(0);

  // Drift is planned back.
  await keyward.admin.PATCH("/v1/settings", { body: { key_inactivity_days: 7 } });
  expect(await ws.plan(2)).toMatch(/key_inactivity_days\s+= 7 -> 0/);
  await ws.apply();

  // Import by the singleton's id.
  await ws.run(["state", "rm", "keyward_settings.s"]);
  await ws.run(["import", "-input=false", "keyward_settings.s", "settings"]);
  await ws.plan(0);

  // Destroy resets the workspace to the defaults.
  await ws.run(["destroy", "-auto-approve", "-input=false"]);
  expect(await settings()).toMatchObject({
    key_inactivity_days: 90,
    max_key_lifetime_days: null,
    features: { external_connectivity: true },
  });
}
