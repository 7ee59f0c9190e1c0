// A real Keyward server in-process (lowdb in a temp dir, demo records seeded) with an admin SDK client.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKeywardClient, type KeywardClient } from "@keyward/sdk";
import { createLogger, startServer } from "@keyward/server";

export interface TestServer {
  readonly url: string;
  readonly adminToken: string;
  readonly admin: KeywardClient;
  clientFor(token: string): KeywardClient;
  /** A hash of the stored document without usage timestamps: "did anything change?" */
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

export async function startKeyward(): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), "keyward-provider-test-"));
  const dataFile = join(dir, "keyward.json");
  const server = await startServer({ dataFile, port: 0, seedDemo: true, logger: createLogger("silent") });
  const adminToken = server.issuedAdminToken;
  if (!adminToken) {
    throw new Error("the test server issued no admin token");
  }
  const clientFor = (token: string) => createKeywardClient({ baseUrl: server.url, token }, { maxRetries: 0 });
  return {
    url: server.url,
    adminToken,
    admin: clientFor(adminToken),
    clientFor,
    async fingerprint() {
      await server.store.flush();
      const { key_last_used: _usage, ...document } = JSON.parse(await readFile(dataFile, "utf8")) as Record<string, unknown>;
      return createHash("sha256").update(JSON.stringify(document)).digest("hex");
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
