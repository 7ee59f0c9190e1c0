// Starts `keyward-server` as a child process on a free port and a fresh data file, exactly as a user would run it,
// with the URL and the one-time admin token it prints (read by @keyward/testkit, the one spawner of the repository).
import { join } from "node:path";
import { startChildServer } from "@keyward/testkit";
import { scratchDir } from "./scratch.js";

export interface StartedServer {
  url: string;
  adminToken: string;
  dataFile: string;
  stop(): Promise<void>;
}

export async function startKeywardServer(options: { seedDemo?: boolean } = {}): Promise<StartedServer> {
  const dataFile = join(await scratchDir("server-"), "keyward.json");
  const server = await startChildServer({
    dataFile,
    args: options.seedDemo === false ? [] : ["--seed-demo"],
    env: { KEYWARD_LOG_LEVEL: process.env.KEYWARD_LOG_LEVEL ?? "warn" },
    stderr: "inherit",
  });
  if (!server.adminToken) {
    throw new Error("keyward-server printed no admin token on its first start");
  }
  return {
    url: server.url,
    adminToken: server.adminToken,
    dataFile,
    async stop() {
      await server.stop();
    },
  };
}
