import { describe, expect, it } from "vitest";
import { createCatalog } from "../src/domain/catalog.js";
import { KeywardError } from "../src/domain/errors.js";
import {
  effectivePermissions,
  effectiveScope,
  forbiddenFields,
  grantErrors,
  resolveGrants,
  visibleFields,
} from "../src/domain/permissions.js";

const catalog = createCatalog();

describe("catalog from the contract (as the server holds it)", () => {
  it("lists every business resource with the actions its operations declare and the fields of its schema", () => {
    expect([...catalog.resources.keys()]).toEqual([
      "events",
      "sessions",
      "attendees",
      "people",
      "invoices",
      "documents",
    ]);
    expect(catalog.resources.get("events")?.actions).toEqual(["create", "read", "update", "delete"]);
    expect(catalog.resources.get("documents")?.actions).toEqual(["read", "download"]);
    expect(catalog.resources.get("people")?.fields).toEqual([
      "first_name",
      "last_name",
      "email",
      "phone",
      "company",
      "date_of_birth",
    ]);
  });

  it("has the presets the spec names", () => {
    expect([...catalog.presets.keys()]).toEqual([
      "full_access",
      "events_read",
      "events_people_read",
      "events_people_write",
    ]);
  });
});

describe("grant validation", () => {
  it("names each unknown action or field with a JSON pointer", () => {
    const errors = grantErrors(
      [
        { resource: "events", actions: ["read", "download"] },
        { resource: "people", actions: ["read"], fields: ["first_name", "shoe_size"] },
      ],
      catalog,
      "/body/permissions",
    );
    expect(errors.map((e) => e.path)).toEqual(["/body/permissions/0/actions/1", "/body/permissions/1/fields/1"]);
  });

  it("requires exactly one of permissions and preset", () => {
    expect(() => resolveGrants({}, catalog)).toThrow(KeywardError);
    expect(() => resolveGrants({ preset: "events_read", permissions: [] }, catalog)).toThrow(/not both/);
    expect(resolveGrants({ preset: "events_read" }, catalog).preset).toBe("events_read");
  });
});

describe("effective access = key ∩ roles", () => {
  const key = [
    { resource: "people" as const, actions: ["read" as const], fields: ["first_name", "last_name", "email"] },
  ];
  const roles = [
    { resource: "people" as const, actions: ["read" as const], fields: ["first_name", "last_name"] },
    { resource: "people" as const, actions: ["read" as const], fields: ["phone"] },
  ];

  it("intersects the field sets (roles' grants are unioned first)", () => {
    expect(effectiveScope(key, roles, "people", "read")).toEqual(new Set(["first_name", "last_name"]));
  });

  it("is nothing when either side lacks the action", () => {
    expect(effectiveScope(key, roles, "people", "update")).toBeNull();
    expect(effectiveScope([{ resource: "events", actions: ["read"] }], roles, "events", "read")).toBeNull();
  });

  it("a grant without fields means every field", () => {
    expect(
      effectiveScope(
        [{ resource: "events", actions: ["read"] }],
        [{ resource: "events", actions: ["read"] }],
        "events",
        "read",
      ),
    ).toBe("all");
    expect(effectiveScope([{ resource: "people", actions: ["read"] }], roles, "people", "read")).toEqual(
      new Set(["first_name", "last_name", "phone"]),
    );
  });

  it("summarises as grants for /v1/me", () => {
    expect(effectivePermissions(key, roles, catalog)).toEqual([
      { resource: "people", actions: ["read"], fields: ["first_name", "last_name"] },
    ]);
  });
});

describe("field filtering", () => {
  it("keeps id and the allowed catalog fields, drops everything else", () => {
    const record = { id: "per_1", first_name: "Ada", last_name: "Lovelace", email: "a@x", internal: "secret" };
    expect(visibleFields(record, new Set(["first_name"]), catalog.resources.get("people")!.fields)).toEqual({
      id: "per_1",
      first_name: "Ada",
    });
    expect(visibleFields(record, "all", catalog.resources.get("people")!.fields)).toEqual({
      id: "per_1",
      first_name: "Ada",
      last_name: "Lovelace",
      email: "a@x",
    });
  });

  it("lists written fields outside the scope", () => {
    expect(forbiddenFields(["first_name", "email"], new Set(["first_name"]))).toEqual(["email"]);
    expect(forbiddenFields(["email"], "all")).toEqual([]);
  });
});
