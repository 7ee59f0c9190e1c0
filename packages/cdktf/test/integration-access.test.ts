// IntegrationAccess synthesises a dedicated user, a least-privilege role and a scoped key that reference each other.
import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ApiKey, IntegrationAccess, IntegrationUser, KeywardProvider, Role } from "../src/index.js";
import { logicalId, synth } from "./helpers/synth.js";

const scanner = {
  name: "attendance-scanner",
  permissions: [
    { resource: "attendees", actions: ["read", "update"] },
    { resource: "people", actions: ["read"] },
  ],
  fieldLimits: { people: ["first_name", "last_name"] },
  expiresAt: "2099-01-01T00:00:00Z",
  allowedIps: ["127.0.0.0/8", "::1/128"],
};

describe("IntegrationAccess", () => {
  it("creates a role with exactly the given permissions, field limits applied", () => {
    const out = synth((scope) => new IntegrationAccess(scope, "scanner", scanner));
    expect(
      Testing.toHaveResourceWithProperties(out.json, Role.tfResourceType, {
        name: "attendance-scanner-access",
        permissions: [
          { resource: "attendees", actions: ["read", "update"] },
          { resource: "people", actions: ["read"], fields: ["first_name", "last_name"] },
        ],
      }),
    ).toBe(true);
    expect(Object.keys(out.resource[Role.tfResourceType] ?? {})).toHaveLength(1);
  });

  it("creates a dedicated integration user named after the integration, holding only that role", () => {
    const out = synth(
      (scope) =>
        new IntegrationAccess(scope, "scanner", { ...scanner, displayName: "Door scanner", email: "ops@example.com" }),
    );
    const role = logicalId(out, Role.tfResourceType, "scanner_role");
    expect(
      Testing.toHaveResourceWithProperties(out.json, IntegrationUser.tfResourceType, {
        username: "attendance-scanner",
        name: "Door scanner",
        email: "ops@example.com",
        role_ids: [`\${keyward_role.${role}.id}`],
      }),
    ).toBe(true);
  });

  it("creates a key owned by that user with the same scope, expiry and allowed IPs", () => {
    const out = synth((scope) => new IntegrationAccess(scope, "scanner", scanner));
    const user = logicalId(out, IntegrationUser.tfResourceType, "scanner_user");
    expect(
      Testing.toHaveResourceWithProperties(out.json, ApiKey.tfResourceType, {
        name: "attendance-scanner",
        user_id: `\${keyward_integration_user.${user}.id}`,
        expires_at: "2099-01-01T00:00:00Z",
        allowed_ips: ["127.0.0.0/8", "::1/128"],
        permissions: [
          { resource: "attendees", actions: ["read", "update"] },
          { resource: "people", actions: ["read"], fields: ["first_name", "last_name"] },
        ],
      }),
    ).toBe(true);
  });

  it("gives role and key the preset instead of a permission list", () => {
    const out = synth((scope) => new IntegrationAccess(scope, "website", { name: "website", preset: "events_read" }));
    const role = out.resource[Role.tfResourceType]?.[logicalId(out, Role.tfResourceType, "website_role")];
    const key = out.resource[ApiKey.tfResourceType]?.[logicalId(out, ApiKey.tfResourceType, "website_key")];
    expect(role).toMatchObject({ preset: "events_read" });
    expect(key).toMatchObject({ preset: "events_read" });
    expect(role).not.toHaveProperty("permissions");
    expect(key).not.toHaveProperty("permissions");
    expect(key).not.toHaveProperty("expires_at");
  });

  it("accepts a Date as expiry and writes it as RFC 3339", () => {
    const out = synth(
      (scope) =>
        new IntegrationAccess(scope, "website", {
          name: "website",
          preset: "events_read",
          expiresAt: new Date(Date.UTC(2099, 0, 1)),
        }),
    );
    expect(
      Testing.toHaveResourceWithProperties(out.json, ApiKey.tfResourceType, { expires_at: "2099-01-01T00:00:00.000Z" }),
    ).toBe(true);
  });

  it("exposes ids and token as references to the resources", () => {
    let access: IntegrationAccess | undefined;
    const out = synth((scope) => {
      access = new IntegrationAccess(scope, "scanner", scanner);
      new ApiKey(scope, "probe", {
        name: "probe",
        userId: access.userId,
        description: `${access.roleId} ${access.keyId} ${access.token}`,
      });
    });
    const probe = out.resource[ApiKey.tfResourceType]?.probe;
    const [user, role, key] = [
      logicalId(out, IntegrationUser.tfResourceType, "scanner_user"),
      logicalId(out, Role.tfResourceType, "scanner_role"),
      logicalId(out, ApiKey.tfResourceType, "scanner_key"),
    ];
    expect(probe?.user_id).toBe(`\${keyward_integration_user.${user}.id}`);
    expect(probe?.description).toBe(
      `\${keyward_role.${role}.id} \${keyward_api_key.${key}.id} \${keyward_api_key.${key}.token}`,
    );
  });

  it("adds a sensitive token output only when asked", () => {
    const without = synth((scope) => new IntegrationAccess(scope, "scanner", scanner));
    expect(without.output).toEqual({});
    const withOutput = synth((scope) => new IntegrationAccess(scope, "scanner", { ...scanner, sensitiveOutput: true }));
    const key = logicalId(withOutput, ApiKey.tfResourceType, "scanner_key");
    expect(withOutput.output.scanner_token).toMatchObject({
      sensitive: true,
      value: `\${keyward_api_key.${key}.token}`,
    });
  });

  it("uses the given provider for every resource", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "stack");
    new KeywardProvider(stack, "default", {});
    const staging = new KeywardProvider(stack, "staging", {
      alias: "staging",
      endpoint: "https://staging.example.com",
    });
    new IntegrationAccess(stack, "scanner", { ...scanner, provider: staging });
    const json = JSON.parse(Testing.synth(stack)) as {
      resource: Record<string, Record<string, { provider?: string }>>;
    };
    const providers = Object.values(json.resource).flatMap((byId) =>
      Object.values(byId).map((resource) => resource.provider),
    );
    expect(providers).toEqual(["keyward.staging", "keyward.staging", "keyward.staging"]);
  });

  it("synthesises a stack that passes cdktf's validations", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "stack");
    new KeywardProvider(stack, "keyward", {});
    new IntegrationAccess(stack, "scanner", scanner);
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(Testing.toHaveProvider(Testing.synth(stack), KeywardProvider.tfResourceType)).toBe(true);
  });
});
