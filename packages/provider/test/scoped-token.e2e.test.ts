// Least privilege for automation, with every CLI on this machine: the provider applies users, roles and keys with a
// management token holding exactly users:write, roles:write and keys:write (a …:write scope includes its …:read, so
// refreshes work); without keys:write the key fails with a diagnostic naming the scope and the resource; and
// keyward_management_token issues a narrower token, but never one wider than the provider's own.

import type { ManagementScope } from "@keyward/sdk";
import { unwrap } from "@keyward/sdk";
import { type Harness, startHarness } from "@keyward/testkit";
import { cliClients, clientSlug, createWorkspace, installHint, requiredProviders } from "@keyward/testkit/terraform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const clients = await cliClients();
let keyward: Harness;

beforeAll(async () => {
  keyward = await startHarness();
});
afterAll(async () => {
  await keyward?.close();
});

async function tokenWith(name: string, scopes: ManagementScope[]): Promise<string> {
  return unwrap(await keyward.admin.POST("/v1/management-tokens", { body: { name, scopes } })).token;
}

function integrationConfig(slug: string, keys: string[]): string {
  return `${requiredProviders}
provider "keyward" {}

resource "keyward_role" "reader" {
  name   = "${slug}-reader"
  preset = "events_read"
}

resource "keyward_integration_user" "site" {
  username = "${slug}-site"
  name     = "Site"
  role_ids = [keyward_role.reader.id]
}
${keys
  .map(
    (key) => `
resource "keyward_api_key" "${key}" {
  name    = "${slug} ${key}"
  user_id = keyward_integration_user.site.id
  preset  = "events_read"
}
`,
  )
  .join("")}`;
}

describe("a provider token scoped to exactly what the configuration needs", () => {
  it("has a CLI to run", () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: users:write, roles:write and keys:write apply and refresh; without keys:write the key fails naming the scope and the resource`, async () => {
      const slug = `scoped-${clientSlug(client)}`;
      const ci = await tokenWith(`${slug} ci`, ["users:write", "roles:write", "keys:write"]);
      const ws = await createWorkspace(
        client,
        { url: keyward.url, adminToken: ci },
        slug,
        integrationConfig(slug, ["first"]),
      );
      await ws.apply();
      await ws.plan(0);

      const noKeys = await tokenWith(`${slug} no keys`, ["users:write", "roles:write", "keys:read"]);
      await ws.write(integrationConfig(slug, ["first", "second"]));
      const refused = await ws.exec(["apply", "-auto-approve", "-input=false"], { KEYWARD_TOKEN: noKeys });
      expect(refused.code, refused.output).toBe(1);
      // The CLI wraps diagnostics at its terminal width.
      const said = refused.output.replace(/\s+/g, " ");
      expect(said).toContain("Error: Unable to create API key with keyward_api_key.second");
      expect(said).toContain("403 scope_missing for a new API key: createApiKey needs the scope keys:write");
      expect(said).toContain(
        "Give the provider's token (or KEYWARD_TOKEN) the scope keys:write: a new API key needs it.",
      );

      await ws.apply();
      await ws.plan(0);
      await ws.run(["destroy", "-auto-approve", "-input=false"]);
    }, 300_000);

    it.concurrent(`${client.name} ${client.version}: keyward_management_token issues a narrower token that works, and refuses a wider one`, async () => {
      const slug = `mgmt-${clientSlug(client)}`;
      const manager = await tokenWith(`${slug} manager`, ["tokens:manage", "users:write", "roles:write", "keys:write"]);
      const tokenConfig = (scopes: string[]) => `${requiredProviders}
provider "keyward" {}

resource "keyward_management_token" "ci" {
  name   = "${slug} ci"
  scopes = ${JSON.stringify(scopes)}
}

output "ci_token" {
  value     = keyward_management_token.ci.token
  sensitive = true
}
`;
      const ws = await createWorkspace(
        client,
        { url: keyward.url, adminToken: manager },
        slug,
        tokenConfig(["roles:write", "users:write"]),
      );
      await ws.apply();
      await ws.plan(0);
      const issued = (await ws.outputs()).ci_token as string;
      expect(issued).toMatch(/^kwa_/);
      const self = unwrap(await keyward.clientFor(issued).GET("/v1/management-token"));
      expect([...self.scopes].sort()).toEqual(["roles:write", "users:write"]);

      // Reordering is no change (a set); narrowing updates in place and keeps the secret.
      await ws.write(tokenConfig(["users:write", "roles:write"]));
      await ws.plan(0);
      await ws.write(tokenConfig(["users:write"]));
      await ws.apply();
      expect(unwrap(await keyward.clientFor(issued).GET("/v1/management-token")).scopes).toEqual(["users:write"]);

      await ws.write(tokenConfig(["users:write", "settings:write"]));
      const wider = await ws.exec(["apply", "-auto-approve", "-input=false"]);
      expect(wider.code, wider.output).toBe(1);
      const said = wider.output.replace(/\s+/g, " ");
      expect(said).toContain("Error: Unable to update management token with keyward_management_token.ci");
      expect(said).toMatch(/403 scope_escalation for management token adm_\w+: not held by the caller: settings:write/);

      await ws.write(tokenConfig(["users:write"]));
      await ws.run(["destroy", "-auto-approve", "-input=false"]);
      const after = await fetch(`${keyward.url}/v1/users`, { headers: { authorization: `Bearer ${issued}` } });
      expect(after.status).toBe(401);
    }, 300_000);
  }
});
