import { afterEach, describe, expect, it, vi } from "vitest";
import { parseRetryAfter } from "../src/retry.js";
import { apiKeyFixture, createObservedClient, json, problem } from "./helpers.js";

const KEY_ID = "key_Zp3Wq8Lr2Nx6Yb1T";
// `description` and `active` have defaults in the contract, but the generated type requires them
// today (openapi-typescript's defaultNonNullable); see the SDK README.
const createBody = {
  name: "website production",
  description: "",
  user_id: "usr_7Hq2LmP0aZ4xYb9c",
  active: true,
  preset: "events_read",
};

afterEach(() => {
  vi.useRealTimers();
});

describe("retries", () => {
  it("retries a 429 then returns the success", async () => {
    const { client, sent } = createObservedClient((_, n) =>
      n === 1 ? problem(429, "rate_limited", { "Retry-After": "0" }) : json(apiKeyFixture(KEY_ID)),
    );
    const { data, error } = await client.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: KEY_ID } } });
    expect(error).toBeUndefined();
    expect(data?.id).toBe(KEY_ID);
    expect(sent).toHaveLength(2);
  });

  it("re-sends a POST body intact after a 429", async () => {
    const { client, sent } = createObservedClient((_, n) =>
      n === 1
        ? problem(429, "rate_limited", { "Retry-After": "0" })
        : json({ ...apiKeyFixture(KEY_ID), token: "kw_x" }, 201),
    );
    const { data } = await client.POST("/v1/api-keys", { body: createBody });
    expect(data?.token).toBe("kw_x");
    expect(sent.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(sent.map((r) => JSON.parse(r.body))).toEqual([createBody, createBody]);
  });

  it("waits the Retry-After seconds before the next attempt", async () => {
    vi.useFakeTimers();
    const { client, sent } = createObservedClient((_, n) =>
      n === 1 ? problem(429, "rate_limited", { "Retry-After": "2" }) : json({ status: "ok", version: "0.1.0" }),
    );
    const pending = client.GET("/v1/health");
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const { data } = await pending;
    expect(sent).toHaveLength(2);
    expect(data?.status).toBe("ok");
  });

  it("backs off without Retry-After and still succeeds", async () => {
    const { client, sent } = createObservedClient((_, n) =>
      n < 3 ? problem(503, "internal_error") : json({ status: "ok", version: "0.1.0" }),
    );
    const { data } = await client.GET("/v1/health");
    expect(data?.status).toBe("ok");
    expect(sent).toHaveLength(3);
  });

  it.each([500, 400])("does not retry a %i", async (status) => {
    const { client, sent } = createObservedClient(() => problem(status, "validation_failed"));
    const { error, response } = await client.GET("/v1/health");
    expect(response.status).toBe(status);
    expect(error?.status).toBe(status);
    expect(sent).toHaveLength(1);
  });

  it("does not retry a 503 for POST unless retryNonIdempotent is set", async () => {
    const unavailable = () => problem(503, "internal_error", { "Retry-After": "0" });
    const strict = createObservedClient(unavailable);
    await strict.client.POST("/v1/api-keys", { body: createBody });
    expect(strict.sent).toHaveLength(1);

    const lenient = createObservedClient(unavailable, undefined, { retryNonIdempotent: true });
    await lenient.client.POST("/v1/api-keys", { body: createBody });
    expect(lenient.sent.map((r) => JSON.parse(r.body))).toEqual([createBody, createBody, createBody]);
  });

  it("gives up after maxRetries and returns the last error response", async () => {
    const { client, sent } = createObservedClient((_, n) =>
      problem(429, "rate_limited", { "Retry-After": "0", "X-Attempt": String(n) }),
    );
    const { data, error, response } = await client.GET("/v1/health");
    expect(data).toBeUndefined();
    expect(error?.code).toBe("rate_limited");
    expect(response.headers.get("X-Attempt")).toBe("3");
    expect(sent).toHaveLength(3);
  });

  it("honours a custom maxRetries", async () => {
    const rateLimited = () => problem(429, "rate_limited", { "Retry-After": "0" });
    const { client, sent } = createObservedClient(rateLimited, undefined, { maxRetries: 0 });
    await client.GET("/v1/health");
    expect(sent).toHaveLength(1);
  });

  it("returns at once when Retry-After asks for longer than maxDelayMs", async () => {
    const { client, sent } = createObservedClient(() => problem(429, "rate_limited", { "Retry-After": "3600" }));
    const { response } = await client.GET("/v1/health");
    expect(response.status).toBe(429);
    expect(sent).toHaveLength(1);
  });
});

describe("retry waits", () => {
  it("stop when the call is aborted", async () => {
    const controller = new AbortController();
    const { client, sent } = createObservedClient(() => problem(429, "rate_limited", { "Retry-After": "20" }));
    const pending = client.GET("/v1/health", { signal: controller.signal });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(sent).toHaveLength(1);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3_000);
  });

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:05 GMT", now)).toBe(5_000);
  });

  it("treats a past HTTP date as no wait", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable value", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
