import { describe, expect, it } from "vitest";
import { KeywardApiError, unwrap } from "../src/index.js";
import { apiKeyFixture, createObservedClient, json, problem } from "./helpers.js";

const KEY_ID = "key_Zp3Wq8Lr2Nx6Yb1T";
const ROLE_ID = "rol_4fJ2kq9ZxW1mN8pL";

describe("KeywardApiError and unwrap", () => {
  it("unwrap returns the data of a success", async () => {
    const { client } = createObservedClient(() => json(apiKeyFixture(KEY_ID)));
    const key = unwrap(await client.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: KEY_ID } } }));
    expect(key.id).toBe(KEY_ID);
  });

  it("unwrap returns undefined for a 204", async () => {
    const { client } = createObservedClient(() => new Response(null, { status: 204 }));
    const result = unwrap(await client.DELETE("/v1/roles/{role_id}", { params: { path: { role_id: ROLE_ID } } }));
    expect(result).toBeUndefined();
  });

  it("unwrap throws a KeywardApiError carrying the parsed problem", async () => {
    const { client } = createObservedClient(() => problem(404, "not_found"));
    const call = client.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: KEY_ID } } });
    const thrown = await call.then(unwrap).catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(KeywardApiError);
    const error = thrown as KeywardApiError;
    expect(error.name).toBe("KeywardApiError");
    expect(error.status).toBe(404);
    expect(error.code).toBe("not_found");
    expect(error.problem).toEqual({
      type: "https://keyward.dev/problems/not_found",
      title: "not_found",
      status: 404,
      detail: "detail of not_found",
      code: "not_found",
    });
    expect(error.response.status).toBe(404);
    expect(error.message).toBe("Keyward API 404 not_found: detail of not_found");
  });

  it("keeps a body that is not problem+json and leaves code undefined", async () => {
    const { client } = createObservedClient(
      () => new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    const thrown = await client
      .GET("/v1/health")
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(KeywardApiError);
    const error = thrown as KeywardApiError;
    expect(error.code).toBeUndefined();
    expect(error.problem).toBeUndefined();
    expect(error.body).toBe("<html>bad gateway</html>");
    expect(error.message).toBe("Keyward API 502 Bad Gateway");
  });

  it("throws for an error answer with an empty body", async () => {
    const { client } = createObservedClient(() => new Response(null, { status: 401 }));
    const thrown = await client
      .GET("/v1/health")
      .then(unwrap)
      .catch((e: unknown) => e);
    expect((thrown as KeywardApiError).status).toBe(401);
  });
});
