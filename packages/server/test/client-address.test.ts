// The contract operations read the client address and scheme without Express (src/http/client-address.ts): for
// every `trust proxy` setting, they must be what Express's `req.ip` and `req.secure` say for the same request.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp, compileTrust, isSecure, type TrustProxy } from "../src/http/client-address.js";

const settings: TrustProxy[] = [false, true, 1, 2, "loopback", "10.0.0.0/8, 127.0.0.1", "203.0.113.0/24"];
const requests: Record<string, string>[] = [
  {},
  { "x-forwarded-for": "203.0.113.7" },
  { "x-forwarded-for": "198.51.100.1, 203.0.113.7" },
  { "x-forwarded-for": "not-an-address" },
  { "x-forwarded-proto": "https" },
  { "x-forwarded-proto": "https, http", "x-forwarded-for": "203.0.113.7" },
  { "x-forwarded-proto": "http" },
];

const servers: Server[] = [];
async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const urls = new Map<TrustProxy, { express: string; ours: string }>();
beforeAll(async () => {
  for (const setting of settings) {
    const app = express();
    app.set("trust proxy", setting);
    app.get("/", (req, res) => void res.json({ ip: req.ip, secure: req.secure }));
    const trust = compileTrust(setting);
    urls.set(setting, {
      express: await serve(app),
      ours: await serve((req, res) =>
        res.end(JSON.stringify({ ip: clientIp(req, trust), secure: isSecure(req, trust) })),
      ),
    });
  }
});
afterAll(() => {
  for (const server of servers) {
    server.close();
  }
});

describe("client address and scheme without Express", () => {
  it.each(
    settings.map((setting) => [String(setting), setting] as const),
  )("when trust proxy is %s, then every forwarded-header combination gives Express's req.ip and req.secure", async (_name, setting) => {
    const { express: expressUrl, ours } = urls.get(setting) ?? { express: "", ours: "" };
    for (const headers of requests) {
      const [expected, actual] = await Promise.all(
        [expressUrl, ours].map(async (url) => (await fetch(url, { headers })).json()),
      );
      expect({ headers, answer: actual }).toEqual({ headers, answer: expected });
    }
  });
});
