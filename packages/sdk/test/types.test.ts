// Type-level checks. Vitest does not type-check at run time; typecheck.test.ts runs tsc over this
// folder, so an assertion here that stops holding (or a @ts-expect-error that stops erroring) fails the suite.
import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiKey,
  type Event,
  type KeywardApiError,
  type PaginatedPath,
  type Problem,
  type ProblemCode,
  paginate,
  unwrap,
} from "../src/index.js";
import { apiKeyFixture, createObservedClient, json } from "./helpers.js";

const KEY_ID = "key_Zp3Wq8Lr2Nx6Yb1T";

describe("types", () => {
  it("infers ApiKey from unwrap of GET /v1/api-keys/{key_id}", async () => {
    const { client } = createObservedClient(() => json(apiKeyFixture(KEY_ID)));
    const key = unwrap(await client.GET("/v1/api-keys/{key_id}", { params: { path: { key_id: KEY_ID } } }));
    expectTypeOf(key).toEqualTypeOf<ApiKey>();
  });

  it("rejects a path the contract does not have", () => {
    const { client } = createObservedClient(() => json({}));
    // @ts-expect-error "/v1/api-key" is not a path of openapi.yaml
    const wrongPath = () => client.GET("/v1/api-key", {});
    expectTypeOf(wrongPath).toBeFunction();
  });

  it("types the error of a result as the contract's Problem", async () => {
    const { client } = createObservedClient(() => json({}));
    const { error } = await client.GET("/v1/health");
    expectTypeOf(error).toEqualTypeOf<Problem | undefined>();
  });

  it("types unwrap of a 204 answer as undefined", async () => {
    const { client } = createObservedClient(() => new Response(null, { status: 204 }));
    const result = unwrap(await client.DELETE("/v1/events/{record_id}", { params: { path: { record_id: "evt_0" } } }));
    expectTypeOf(result).toEqualTypeOf<undefined>();
  });

  it("infers the item type of paginate from the path", () => {
    const { client } = createObservedClient(() => json({ data: [], next_cursor: null }));
    expectTypeOf(paginate(client, "/v1/api-keys")).toEqualTypeOf<AsyncGenerator<ApiKey, void, undefined>>();
    expectTypeOf(paginate(client, "/v1/events")).toEqualTypeOf<AsyncGenerator<Event, void, undefined>>();
    expectTypeOf<"/v1/api-keys/{key_id}">().not.toExtend<PaginatedPath>();
    expectTypeOf<"/v1/audit-events">().toExtend<PaginatedPath>();
  });

  it("gives KeywardApiError a ProblemCode", () => {
    expectTypeOf<KeywardApiError["code"]>().toEqualTypeOf<ProblemCode | undefined>();
  });
});
