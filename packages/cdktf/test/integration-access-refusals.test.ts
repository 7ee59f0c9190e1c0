// IntegrationAccess refuses, when it is constructed, what the Keyward server would refuse at apply time.
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { IntegrationAccess, type IntegrationAccessProps } from "../src/index.js";

const valid: IntegrationAccessProps = {
  name: "scanner",
  permissions: [{ resource: "attendees", actions: ["read", "update"] }],
};

function construct(change: Partial<IntegrationAccessProps>): () => void {
  return () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    new IntegrationAccess(stack, "access", { ...valid, ...change });
  };
}

describe("IntegrationAccess refuses", () => {
  it("nothing when the props are valid", () => {
    expect(construct({})).not.toThrow();
  });

  it("an empty permission list", () => {
    expect(construct({ permissions: [] })).toThrow(
      'IntegrationAccess "stack/access": permissions must grant at least one action (an empty list would give the key no access at all).',
    );
  });

  it("neither permissions nor a preset", () => {
    expect(construct({ permissions: undefined })).toThrow("give permissions (or a preset)");
  });

  it("both permissions and a preset", () => {
    expect(construct({ preset: "events_read" })).toThrow("give either permissions or a preset, not both.");
  });

  it("a malformed preset name", () => {
    expect(construct({ permissions: undefined, preset: "Events Read" })).toThrow('"Events Read" is not a preset name');
  });

  it("a preset the contract doesn't have", () => {
    expect(construct({ permissions: undefined, preset: "no_such_preset" })).toThrow(
      'IntegrationAccess "stack/access": unknown preset "no_such_preset" (presets: full_access, events_read, events_people_read, events_people_write).',
    );
  });

  it("field limits with a preset", () => {
    expect(construct({ permissions: undefined, preset: "events_read", fieldLimits: { events: ["name"] } })).toThrow(
      "fieldLimits need explicit permissions",
    );
  });

  it("an unknown resource", () => {
    expect(construct({ permissions: [{ resource: "payroll", actions: ["read"] }] })).toThrow(
      'unknown resource "payroll" (resources: events, sessions, attendees, people, invoices, documents).',
    );
  });

  it("an unknown action", () => {
    expect(construct({ permissions: [{ resource: "events", actions: ["read", "publish"] }] })).toThrow(
      'events has no action "publish" (allowed: create, read, update, delete).',
    );
  });

  it("an action the resource doesn't offer", () => {
    expect(construct({ permissions: [{ resource: "documents", actions: ["update"] }] })).toThrow(
      'documents has no action "update" (allowed: read, download).',
    );
  });

  it("a grant without actions", () => {
    expect(construct({ permissions: [{ resource: "events", actions: [] }] })).toThrow(
      "the grant on events lists no action",
    );
  });

  it("an unknown field, in a grant or in fieldLimits", () => {
    const message =
      'people has no field "salary" (fields: first_name, last_name, email, phone, company, date_of_birth).';
    expect(
      construct({ permissions: [{ resource: "people", actions: ["read"], fields: ["first_name", "salary"] }] }),
    ).toThrow(message);
    expect(
      construct({ permissions: [{ resource: "people", actions: ["read"] }], fieldLimits: { people: ["salary"] } }),
    ).toThrow(message);
  });

  it("field limits on a resource the permissions don't grant", () => {
    expect(construct({ fieldLimits: { people: ["first_name"] } })).toThrow(
      "fieldLimits names people, which permissions don't grant.",
    );
  });

  it("fields given twice for one resource", () => {
    expect(
      construct({
        permissions: [{ resource: "people", actions: ["read"], fields: ["email"] }],
        fieldLimits: { people: ["first_name"] },
      }),
    ).toThrow("fields of people are given both in its grant and in fieldLimits");
  });

  it("an expiry in the past", () => {
    expect(construct({ expiresAt: "2020-01-01T00:00:00Z" })).toThrow(
      "expiresAt 2020-01-01T00:00:00Z is in the past; the server refuses a key that is already expired.",
    );
    expect(construct({ expiresAt: new Date(Date.now() - 1000) })).toThrow("is in the past");
  });

  it("an expiry that is not an RFC 3339 timestamp", () => {
    expect(construct({ expiresAt: "next year" })).toThrow('expiresAt "next year" is not an RFC 3339 timestamp');
    expect(construct({ expiresAt: "2099-01-01" })).toThrow("is not an RFC 3339 timestamp");
  });

  it("a name that is not a valid username", () => {
    for (const name of ["Website", "a", "-scanner", "door scanner", "x".repeat(64)]) {
      expect(construct({ name })).toThrow(`"${name}" is not a valid username`);
    }
  });

  it("a display name or description of a length the server refuses", () => {
    expect(construct({ displayName: "" })).toThrow("displayName must be 1-200 characters long (got 0).");
    expect(construct({ description: "x".repeat(1001) })).toThrow(
      "description must be 0-1000 characters long (got 1001).",
    );
  });

  it("a malformed IP rule or CIDR range", () => {
    expect(construct({ allowedIps: ["203.0.113.0/24", "not-an-ip"] })).toThrow(
      'allowedIps: "not-an-ip" is not an IP address or CIDR range (use e.g. 203.0.113.0/24 or 2001:db8::/32).',
    );
    expect(construct({ allowedIps: ["010.0.0.1"] })).toThrow("is not an IP address or CIDR range");
    expect(construct({ allowedIps: ["10.0.0.0/33"] })).toThrow('"10.0.0.0/33" has a prefix longer than 32 bits');
    expect(construct({ allowedIps: ["10.0.0.0/x"] })).toThrow('"10.0.0.0/x" has an invalid prefix length');
    expect(construct({ allowedIps: ["10.0.0.1/8"] })).toThrow('"10.0.0.1/8" has host bits set');
    expect(construct({ allowedIps: ["2001:db8::1/32"] })).toThrow('"2001:db8::1/32" has host bits set');
  });

  it("nothing it can't know at synth time (values from variables are checked by the server)", () => {
    expect(() => {
      const stack = new TerraformStack(Testing.app(), "stack");
      const name = new TerraformVariable(stack, "name", { type: "string" });
      const expiry = new TerraformVariable(stack, "expiry", { type: "string" });
      new IntegrationAccess(stack, "access", { ...valid, name: name.stringValue, expiresAt: expiry.stringValue });
    }).not.toThrow();
  });
});
