import { describe, expect, it } from "vitest";
import { permissionCatalog } from "../src/index.js";

const resource = (name: string) => permissionCatalog.resources.find((r) => r.name === name);
const preset = (name: string) => permissionCatalog.presets.find((p) => p.name === name);

describe("the permission catalog generated from the contract", () => {
  it("lists every business resource with the actions its operations declare and the fields of its schema", () => {
    expect(permissionCatalog.resources.map((r) => r.name)).toEqual([
      "events",
      "sessions",
      "attendees",
      "people",
      "invoices",
      "documents",
    ]);
    expect(resource("events")?.actions).toEqual(["create", "read", "update", "delete"]);
    expect(resource("documents")?.actions).toEqual(["read", "download"]);
    expect(resource("people")?.fields).toEqual([
      "first_name",
      "last_name",
      "email",
      "phone",
      "company",
      "date_of_birth",
    ]);
  });

  it("has the presets x-keyward-presets names, in order", () => {
    expect(permissionCatalog.presets.map((p) => p.name)).toEqual([
      "full_access",
      "events_read",
      "events_people_read",
      "events_people_write",
    ]);
  });

  it("expands full_access to every action on every resource", () => {
    expect(preset("full_access")?.permissions).toEqual(
      permissionCatalog.resources.map((r) => ({ resource: r.name, actions: r.actions })),
    );
  });

  it("grants exactly what each named preset says", () => {
    expect(preset("events_read")?.permissions).toEqual([
      { resource: "events", actions: ["read"] },
      { resource: "sessions", actions: ["read"] },
    ]);
    expect(preset("events_people_write")?.permissions.map((g) => [g.resource, g.actions.join(",")])).toEqual([
      ["events", "create,read,update"],
      ["sessions", "create,read,update"],
      ["attendees", "create,read,update"],
      ["people", "create,read,update"],
    ]);
  });
});
