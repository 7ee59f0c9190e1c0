// The SDK path: declare an integration through the management API, then call the business API with its key.
import { createKeywardClient, type KeywardClient, unwrap } from "@keyward/sdk";
import { expectStatus, fail, ok, step } from "./progress.js";

export async function sdkPath(baseUrl: string, admin: KeywardClient): Promise<void> {
  step("SDK: declaring an integration — a role, a dedicated user, a scoped key");
  const role = unwrap(
    await admin.POST("/v1/roles", {
      body: {
        name: "calendar-sync",
        description: "Reads events, and people's names only",
        permissions: [
          { resource: "events", actions: ["read"] },
          { resource: "people", actions: ["read"], fields: ["first_name", "last_name"] },
        ],
      },
    }),
  );
  ok(`role "${role.name}": events:read, people:read limited to first_name,last_name`);
  const user = unwrap(
    await admin.POST("/v1/users", {
      body: { username: "calendar-sync", name: "Calendar sync", kind: "integration", role_ids: [role.id] },
    }),
  );
  ok(`integration user "${user.username}" (${user.id}), not an admin`);
  const expiresAt = new Date(Date.now() + 90 * 86_400_000).toISOString();
  const key = unwrap(
    await admin.POST("/v1/api-keys", {
      body: {
        name: "calendar-sync production",
        user_id: user.id,
        expires_at: expiresAt,
        permissions: role.permissions,
      },
    }),
  );
  ok(`key #${key.number} "${key.name}" expires ${key.expires_at?.slice(0, 10)}; token shown once: ${key.prefix}…`);

  step("SDK: calling the business API with the key");
  const integration = createKeywardClient({ baseUrl, token: key.token ?? fail("the create response had no token") });
  const events = await integration.GET("/v1/events");
  expectStatus(events.response.status, 200, `GET /v1/events (${events.data?.data.length ?? 0} events)`);
  const created = await integration.POST("/v1/events", { body: { name: "Not allowed", starts_at: expiresAt } });
  expectStatus(created.response.status, 403, `POST /v1/events (${created.error?.code}: ${created.error?.detail})`);
  const people = await integration.GET("/v1/people");
  expectStatus(people.response.status, 200, "GET /v1/people");
  const fields = [...new Set(people.data?.data.flatMap((person) => Object.keys(person)))].sort();
  if (fields.join(",") !== "first_name,id,last_name") {
    fail(`people carried fields ${fields.join(",")}`);
  }
  ok(`people hold only ${fields.join(", ")}: e.g. ${JSON.stringify(people.data?.data[0])}`);

  step("SDK: disabling the key (leak response)");
  unwrap(await admin.PATCH("/v1/api-keys/{key_id}", { params: { path: { key_id: key.id } }, body: { active: false } }));
  const disabled = await integration.GET("/v1/events");
  expectStatus(disabled.response.status, 401, `GET /v1/events with the disabled key (${disabled.error?.code})`);
}

/**
 * Least privilege for automation: the infrastructure-as-code parts get a management token of their own holding
 * exactly what they apply (users, roles, keys), never the all-powerful bootstrap token.
 */
export async function automationToken(baseUrl: string, admin: KeywardClient): Promise<string> {
  step("SDK: issuing a scoped management token for the infrastructure-as-code parts");
  const issued = unwrap(
    await admin.POST("/v1/management-tokens", {
      body: {
        name: "demo infrastructure as code",
        scopes: ["users:write", "roles:write", "keys:write"],
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
  );
  ok(
    `token ${issued.prefix}… with scopes ${issued.scopes.join(", ")} (a …:write scope includes its …:read), shown once`,
  );
  const settings = await createKeywardClient({ baseUrl, token: issued.token }).GET("/v1/settings");
  expectStatus(
    settings.response.status,
    403,
    `GET /v1/settings with it (${settings.error?.code}: needs ${settings.error?.missing_scope})`,
  );
  return issued.token;
}
