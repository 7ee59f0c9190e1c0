// Request validation compiled per operation (src/http/request-validation.ts): the exact problems it answers for
// what the bad-input suite doesn't spell out (these are the answers express-openapi-validator gave, which it
// replaced), the coerced and defaulted values it hands to the handlers, the contract features it refuses at
// start, and response validation in tests.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type Harness, startHarness } from "@keyward/testkit";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createCatalog } from "../src/domain/catalog.js";
import { createApp } from "../src/http/app.js";
import { DEFAULT_CONTRACT_PATH, loadContract } from "../src/http/contract.js";
import { raw } from "./support/raw.js";

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = await mkdtemp(join(tmpdir(), "keyward-validation-"));
});
afterEach(() => expect(h.serverErrors).toEqual([]));
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

const problem = (detail: string, errors: { path: string; message: string }[]) => ({
  type: "https://keyward.dev/problems/validation_failed",
  title: "Bad request",
  status: 400,
  detail,
  code: "validation_failed",
  errors,
});

describe("request validation answers exactly", () => {
  const cases: { name: string; path: string; body?: unknown; path400: string; message: string }[] = [
    {
      name: "a reserved character in a query value",
      path: "/v1/users?cursor=a,b",
      path400: "/query/cursor",
      message: "Parameter 'cursor' must be url encoded. Its value may not contain reserved characters.",
    },
    {
      name: "a query key with brackets (read as a nested value of its name)",
      path: "/v1/users?limit[]=5",
      path400: "/query/limit",
      message: "must be integer",
    },
    {
      name: "an unknown query key with brackets (named without them)",
      path: "/v1/users?sort[name]=asc",
      path400: "/query/sort",
      message: "Unknown query parameter 'sort'",
    },
    {
      name: "a query parameter sent twice",
      path: "/v1/users?limit=5&limit=6",
      path400: "/query/limit",
      message: "must be integer",
    },
    {
      name: "a query parameter without a value",
      path: "/v1/users?limit",
      path400: "/query/limit",
      message: "Empty value found for query parameter 'limit'",
    },
    {
      name: "a malformed escape in a path parameter",
      path: "/v1/users/usr_%E0%A4%A",
      path400: "/v1/users/usr_%E0%A4%A",
      message: "malformed uri'",
    },
    {
      name: "a value outside an enum (the allowed values listed)",
      path: "/v1/users?kind=robot",
      path400: "/query/kind",
      message: "must be equal to one of the allowed values: integration, person",
    },
  ];
  for (const c of cases) {
    it(`when a request has ${c.name}, then 400 ${c.path400} "${c.message}"`, async () => {
      const response = await raw(h, { path: c.path });
      expect({ status: response.status, body: response.json }).toEqual({
        status: 400,
        body: problem(`${c.path400} ${c.message}`, [{ path: c.path400, message: c.message }]),
      });
    });
  }

  it("when a body is wrong in one field and a query parameter is unknown too, then the query parameter is named first (checked before the schemas)", async () => {
    const response = await raw(h, {
      method: "POST",
      path: "/v1/keys/verify?debug=1",
      body: { token: 1, resource: "events", action: "read" },
    });
    expect(response.json).toEqual(
      problem("/query/debug Unknown query parameter 'debug'", [
        { path: "/query/debug", message: "Unknown query parameter 'debug'" },
      ]),
    );
  });

  it("when a parameter and the body are both wrong, then both are named, parameters first", async () => {
    const response = await raw(h, { method: "PATCH", path: "/v1/users/usr_abc", body: { active: "no" } });
    expect(response.json).toEqual(
      problem('/params/user_id must match pattern "^usr_[0-9A-Za-z]{16}$"; /body/active must be boolean', [
        { path: "/params/user_id", message: 'must match pattern "^usr_[0-9A-Za-z]{16}$"' },
        { path: "/body/active", message: "must be boolean" },
      ]),
    );
  });
});

describe("the handler gets the values the contract describes", () => {
  it("when limit is left out, then a page holds the contract's default of 50", async () => {
    for (let i = 0; i < 51; i++) {
      expect(
        (
          await raw(h, {
            method: "POST",
            path: "/v1/roles",
            body: { name: `default-limit-${i}`, preset: "events_read" },
          })
        ).status,
      ).toBe(201);
    }
    expect(((await raw(h, { path: "/v1/roles" })).json?.data as unknown[]).length).toBe(50);
  });

  it("when a boolean query parameter is sent as text, then the handler filters by the boolean (coerced)", async () => {
    const user = (
      await raw(h, { method: "POST", path: "/v1/users", body: { username: "coerced-inactive", name: "C" } })
    ).json as { id: string };
    expect((await raw(h, { method: "PATCH", path: `/v1/users/${user.id}`, body: { active: false } })).status).toBe(200);
    const inactive = (await raw(h, { path: "/v1/users?active=false" })).json?.data as { id: string; active: boolean }[];
    const active = (await raw(h, { path: "/v1/users?active=true" })).json?.data as { id: string; active: boolean }[];
    expect(inactive.map((u) => u.id)).toContain(user.id);
    expect({
      inactive: inactive.every((u) => !u.active),
      active: active.length > 0 && active.every((u) => u.active),
    }).toEqual({ inactive: true, active: true });
  });
});

/** An app built from openapi.yaml as `edit` changes it, listening on an ephemeral port; logs captured. */
async function appFor(
  edit: (document: {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, Record<string, unknown>> };
  }) => void,
) {
  const document = parse(await readFile(DEFAULT_CONTRACT_PATH, "utf8"));
  edit(document);
  const path = join(dir, `openapi-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(path, stringify(document));
  const lines: string[] = [];
  const logger = pino(
    { level: "info" },
    new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const build = () =>
    createApp({
      contract: loadContract(path),
      catalog: createCatalog(),
      keyward: h.server.keyward,
      logger,
      validateResponses: true,
    });
  return { build, lines };
}

describe("contract features the validator doesn't implement stop the start", () => {
  it("when a query parameter is an array, then the app refuses to start, naming the operation and the parameter", async () => {
    const { build } = await appFor((document) => {
      const listUsers = document.paths["/v1/users"]?.get as { parameters: unknown[] };
      listUsers.parameters.push({ name: "ids", in: "query", schema: { type: "array", items: { type: "string" } } });
    });
    expect(build).toThrow("listUsers: query parameter ids is not a plain scalar");
  });

  it("when a body may be sent as a form, then the app refuses to start, naming the media type", async () => {
    const { build } = await appFor((document) => {
      const body = (document.paths["/v1/keys/verify"]?.post as { requestBody: { content: Record<string, unknown> } })
        .requestBody;
      body.content["application/x-www-form-urlencoded"] = body.content["application/json"];
    });
    expect(build).toThrow(/verifyKey: only application\/json request bodies are supported/);
  });
});

describe("response validation (tests)", () => {
  it("when a handler's response doesn't match the contract, then the client gets 500 internal_error and the log names the violation", async () => {
    const { build, lines } = await appFor((document) => {
      const health = document.components.schemas.Health as { required: string[]; properties: Record<string, unknown> };
      health.required.push("uptime_s");
      health.properties.uptime_s = { type: "integer" };
    });
    const server = build().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/health`);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 500,
        body: {
          type: "https://keyward.dev/problems/internal_error",
          title: "Internal server error",
          status: 500,
          detail: "An internal error occurred; it was logged.",
          code: "internal_error",
        },
      });
      expect(lines.join("")).toContain(
        "response 200 does not match the contract: /response must have required property 'uptime_s'",
      );
    } finally {
      server.close();
    }
  });
});
