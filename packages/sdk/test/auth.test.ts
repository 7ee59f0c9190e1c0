import { describe, expect, it } from "vitest";
import { SDK_VERSION } from "../src/index.js";
import { createObservedClient, json } from "./helpers.js";

const ok = () => json({ status: "ok", version: "0.1.0" });

describe("authentication headers", () => {
  it("sends the token as a bearer Authorization header", async () => {
    const { client, sent } = createObservedClient(ok, { token: "kw_abc" });
    await client.GET("/v1/health");
    expect(sent[0]?.headers.get("Authorization")).toBe("Bearer kw_abc");
  });

  it("sends basic credentials as base64 of the UTF-8 username:password", async () => {
    const { client, sent } = createObservedClient(ok, { basic: { username: "jürgen", password: "kw_pass" } });
    await client.GET("/v1/health");
    const expected = `Basic ${Buffer.from("jürgen:kw_pass", "utf8").toString("base64")}`;
    expect(sent[0]?.headers.get("Authorization")).toBe(expected);
  });

  it("uses an empty basic username when none is given", async () => {
    const { client, sent } = createObservedClient(ok, { basic: { password: "kw_pass" } });
    await client.GET("/v1/health");
    expect(sent[0]?.headers.get("Authorization")).toBe(`Basic ${btoa(":kw_pass")}`);
  });

  it("names the SDK in X-Keyward-Client rather than User-Agent", async () => {
    const { client, sent } = createObservedClient(ok);
    await client.GET("/v1/health");
    expect(sent[0]?.headers.get("X-Keyward-Client")).toBe(`keyward-sdk/${SDK_VERSION}`);
  });

  it("lets a per-call Authorization header win over the client's token", async () => {
    const { client, sent } = createObservedClient(ok, { token: "kwa_admin" });
    await client.GET("/v1/health", { headers: { Authorization: "Bearer kw_other" } });
    expect(sent[0]?.headers.get("Authorization")).toBe("Bearer kw_other");
  });

  it("sends a console session's CSRF token and no Authorization (the cookie travels by itself)", async () => {
    const { client, sent } = createObservedClient(ok, { session: { csrfToken: "csrf-123" } });
    await client.GET("/v1/health");
    expect(sent[0]?.headers.get("X-Keyward-CSRF")).toBe("csrf-123");
    expect(sent[0]?.headers.has("Authorization")).toBe(false);
  });
});
