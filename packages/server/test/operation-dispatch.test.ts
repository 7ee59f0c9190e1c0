// Every operation in openapi.yaml is served by exactly one handler, keyed by its operationId, and a request
// reaches a handler only through the operation it was matched to — the one its authentication was decided on.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createCatalog } from "../src/domain/catalog.js";
import { createApp } from "../src/http/app.js";
import { DEFAULT_CONTRACT_PATH, loadContract } from "../src/http/contract.js";
import { type RunningServer, startServer } from "../src/server.js";

const logger = pino({ level: "silent" });
let dir: string;
let server: RunningServer;
let adminToken: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "keyward-dispatch-"));
  server = await startServer({ dataFile: join(dir, "keyward.json"), logger, validateResponses: true });
  adminToken = server.issuedAdminToken ?? "";
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** The app built from openapi.yaml as `edit` changes it, with the real handlers. */
async function appFor(edit: (paths: Record<string, Record<string, unknown>>) => void) {
  const document = parse(await readFile(DEFAULT_CONTRACT_PATH, "utf8"));
  edit(document.paths);
  const path = join(dir, `openapi-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(path, stringify(document));
  const contract = loadContract(path);
  return () => createApp({ contract, catalog: createCatalog(), keyward: server.keyward, logger });
}

const get = (path: string, token?: string) =>
  fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("every operation in openapi.yaml has exactly one handler", () => {
  it("when the app is built from openapi.yaml, then every operation finds its handler and every handler its operation", async () => {
    expect(await appFor(() => undefined)).not.toThrow();
  });

  it("when openapi.yaml declares an operation no handler serves, then the app refuses to start, naming it", async () => {
    const build = await appFor((paths) => {
      paths["/v1/events/{record_id}/archive"] = {
        post: {
          operationId: "archiveEvent",
          security: [{ integrationKey: [] }],
          responses: { "204": { description: "Archived." } },
        },
      };
    });
    expect(build).toThrow("operation archiveEvent has no handler");
  });

  it("when a handler's operation is gone from openapi.yaml, then the app refuses to start, naming it", async () => {
    const build = await appFor((paths) => {
      delete paths["/v1/documents/{record_id}/download"];
    });
    expect(build).toThrow(/handler downloadDocument has no operation/);
  });

  it("when two operations share an operationId, then the app refuses to start, naming it", async () => {
    const build = await appFor((paths) => {
      const item = paths["/v1/events/{record_id}"] as { get: Record<string, unknown> };
      item.get = { ...item.get, operationId: "getPerson" };
    });
    expect(build).toThrow(
      /handler getEvent has no operation.*operationId getPerson is used by more than one operation/,
    );
  });
});

describe("a request reaches a handler only through its contract operation", () => {
  it("when a path differs from the contract's only by letter case or a trailing slash, then it is 404 with or without a token, and shows no data", async () => {
    for (const path of ["/v1/users/", "/V1/USERS", "/v1/Users", "/v1/events/", "/v1/health/", "/V1/HEALTH"]) {
      for (const token of [undefined, adminToken]) {
        const response = await get(path, token);
        expect({
          path,
          status: response.status,
          type: response.headers.get("content-type"),
          body: await response.json(),
        }).toMatchObject({
          path,
          status: 404,
          type: expect.stringMatching(/^application\/problem\+json/),
          body: { code: "not_found", detail: `No route GET ${path}.` },
        });
      }
    }
  });

  it("when a path parameter is percent-encoded, then the handler gets it decoded", async () => {
    const users = (await (await get("/v1/users", adminToken)).json()) as { data: { id: string }[] };
    const id = users.data[0]?.id ?? "";
    const encoded = id.replace("_", "%5F");
    expect(encoded).not.toBe(id);
    const response = await get(`/v1/users/${encoded}`, adminToken);
    expect({ status: response.status, id: ((await response.json()) as { id: string }).id }).toEqual({
      status: 200,
      id,
    });
  });

  it("when a path parameter is an unknown id, then the handler answers 404 naming the decoded id", async () => {
    const response = await get("/v1/api-keys/key%5FZp3Wq8Lr2Nx6Yb1T", adminToken);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toContain("key_Zp3Wq8Lr2Nx6Yb1T");
  });
});
