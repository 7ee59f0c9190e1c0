import { describe, expect, it } from "vitest";
import { KeywardApiError, paginate } from "../src/index.js";
import { apiKeyFixture, createObservedClient, json, problem } from "./helpers.js";

const USER_ID = "usr_7Hq2LmP0aZ4xYb9c";
const pages: Record<string, { ids: string[]; next: string | null }> = {
  first: { ids: ["key_000000000000000A", "key_000000000000000B"], next: "c2" },
  c2: { ids: ["key_000000000000000C"], next: "c3" },
  c3: { ids: ["key_000000000000000D"], next: null },
};

function pageServer(request: { url: string }) {
  const url = new URL(request.url);
  const page = pages[url.searchParams.get("cursor") ?? "first"];
  if (!page) {
    return problem(400, "validation_failed");
  }
  return json({ data: page.ids.map((id) => apiKeyFixture(id)), next_cursor: page.next });
}

describe("paginate", () => {
  it("follows next_cursor across 3 pages and stops", async () => {
    const { client, sent } = createObservedClient(pageServer);
    const ids: string[] = [];
    const keys = paginate(client, "/v1/api-keys", { params: { query: { user_id: USER_ID, limit: 2 } } });
    for await (const key of keys) {
      ids.push(key.id);
    }
    expect(ids).toEqual(Object.values(pages).flatMap((page) => page.ids));
    expect(sent).toHaveLength(3);
    const queries = sent.map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(queries).toEqual([
      { user_id: USER_ID, limit: "2" },
      { user_id: USER_ID, limit: "2", cursor: "c2" },
      { user_id: USER_ID, limit: "2", cursor: "c3" },
    ]);
  });

  it("fetches the next page only when the caller asks for more", async () => {
    const { client, sent } = createObservedClient(pageServer);
    for await (const key of paginate(client, "/v1/api-keys")) {
      expect(key.id).toBe("key_000000000000000A");
      break;
    }
    expect(sent).toHaveLength(1);
  });

  it("throws a KeywardApiError on an error page", async () => {
    const { client } = createObservedClient((_, n) =>
      n === 1
        ? json({ data: [apiKeyFixture("key_000000000000000A")], next_cursor: "c2" })
        : problem(403, "admin_required"),
    );
    const seen: string[] = [];
    const thrown = await (async () => {
      for await (const key of paginate(client, "/v1/api-keys")) {
        seen.push(key.id);
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["key_000000000000000A"]);
    expect(thrown).toBeInstanceOf(KeywardApiError);
    expect((thrown as KeywardApiError).code).toBe("admin_required");
  });
});
