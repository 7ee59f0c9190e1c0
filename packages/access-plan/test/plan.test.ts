// The plan of an integration's user, role and key, without a construct library: names, scope, and what is left to the
// server when a value is known only at apply time. (The refusals are tested through each construct.)
import { describe, expect, it } from "vitest";
import { type IntegrationAccessOptions, planIntegrationAccess } from "../src/index.js";

/** Stands in for a construct library's Token.isUnresolved: strings starting "Unresolved:" are references. */
const context = {
  owner: 'IntegrationAccess "stack/access"',
  isUnresolved: (value: unknown) => typeof value === "string" && value.startsWith("Unresolved:"),
};
const plan = (options: IntegrationAccessOptions) => planIntegrationAccess(context, options);

describe("planIntegrationAccess", () => {
  it("plans a user named after the integration, a role <name>-access and a key with the role's scope", () => {
    expect(
      plan({
        name: "attendance-scanner",
        permissions: [
          { resource: "attendees", actions: ["read", "update"] },
          { resource: "people", actions: ["read"] },
        ],
        fieldLimits: { people: ["first_name", "last_name"] },
        allowedIps: ["127.0.0.0/8"],
        expiresAt: new Date(Date.UTC(2099, 0, 1)),
      }),
    ).toEqual({
      role: {
        name: "attendance-scanner-access",
        description: "Least-privilege access of the attendance-scanner integration.",
        permissions: [
          { resource: "attendees", actions: ["read", "update"] },
          { resource: "people", actions: ["read"], fields: ["first_name", "last_name"] },
        ],
      },
      user: { username: "attendance-scanner", name: "attendance-scanner", email: undefined },
      key: {
        name: "attendance-scanner",
        description: "Key of the attendance-scanner integration.",
        expiresAt: "2099-01-01T00:00:00.000Z",
        allowedIps: ["127.0.0.0/8"],
        permissions: [
          { resource: "attendees", actions: ["read", "update"] },
          { resource: "people", actions: ["read"], fields: ["first_name", "last_name"] },
        ],
      },
    });
  });

  it("gives role and key a preset alone, and the user the display name and email", () => {
    const planned = plan({ name: "website", preset: "events_read", displayName: "Website", email: "web@example.com" });
    expect([planned.role.preset, planned.key.preset, planned.role.permissions, planned.key.permissions]).toEqual([
      "events_read",
      "events_read",
      undefined,
      undefined,
    ]);
    expect(planned.user).toEqual({ username: "website", name: "Website", email: "web@example.com" });
  });

  it("refuses with the owner's name, and judges expiry against the given time", () => {
    const options = { name: "website", preset: "events_read", expiresAt: "2030-01-01T00:00:00Z" };
    expect(() => planIntegrationAccess(context, options, new Date("2031-01-01T00:00:00Z"))).toThrow(
      'IntegrationAccess "stack/access": expiresAt 2030-01-01T00:00:00Z is in the past',
    );
    expect(() => planIntegrationAccess(context, options, new Date("2029-01-01T00:00:00Z"))).not.toThrow();
  });

  it("leaves to the server what the library says is known only at apply time", () => {
    const planned = plan({
      name: "Unresolved:name",
      permissions: [{ resource: "Unresolved:resource", actions: ["read"] }],
      expiresAt: "Unresolved:expiry",
      allowedIps: ["Unresolved:ip"],
    });
    expect(planned.user.username).toBe("Unresolved:name");
    expect(planned.key.expiresAt).toBe("Unresolved:expiry");
  });
});
