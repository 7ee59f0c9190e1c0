import { describe, expect, it } from "vitest";
import { attributePath } from "../src/api.js";
import { apiKey, settings } from "../src/generated/schemas.js";

describe("attributePath (server field errors → Terraform attributes)", () => {
  it.each([
    ["/body/expires_at", apiKey.schema, ["expires_at"]],
    ["/body/permissions/0/fields/1", apiKey.schema, ["permissions"]],
    ["/body/allowed_ips/2", apiKey.schema, ["allowed_ips"]],
    ["/body/features/external_connectivity", settings.schema, ["features", "external_connectivity"]],
  ] as const)("points %s at the attribute", (pointer, schema, path) => {
    expect(attributePath(schema, pointer)).toEqual(path);
  });

  it.each([
    ["/body/token", ["token_wo"]],
    ["/body/grace_period_seconds", ["rotation_grace_period_seconds"]],
    ["/body/name", ["name"]],
  ] as const)("points %s, sent from an attribute of another name, at that attribute", (pointer, path) => {
    const sentFrom = { token: "token_wo", grace_period_seconds: "rotation_grace_period_seconds" };
    expect(attributePath(apiKey.schema, pointer, sentFrom)).toEqual(path);
  });

  it.each(["/params/key_id", "/body/created_by", "/query/limit"])("leaves %s on the resource", (pointer) => {
    expect(attributePath(apiKey.schema, pointer)).toBeUndefined();
  });
});
