// Child process of bench/auth.ts: the platform's limit, measured the same way as Keyward. Two servers answer
// `GET /` with the JSON body given as the first argument (the enforced GET's response, byte for byte): bare
// `node:http`, and a bare Express 5 route (`res.json`) — the framework Keyward is built on, so the reference
// its figures are divided by. Only one of them is under load at a time.
//
//   node packages/testkit/dist/bench/bare-server.js '<json>'
//
// stdout: {"ready":true,"http":url,"express":url,"pid":n} once both listen; {"cpuUs":n} for each "stats" line on
// stdin (this process's user+system CPU time in µs). Closing stdin (or "close") stops both and exits.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import express from "express";

const body = JSON.parse(process.argv[2] ?? "null") as unknown;
if (body === null || typeof body !== "object") {
  throw new Error("bare-server: pass the JSON body to answer as the first argument");
}
const send = (object: object) => process.stdout.write(`${JSON.stringify(object)}\n`);

const plain = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
});
const app = express();
app.disable("x-powered-by");
app.get("/", (_req, res) => void res.json(body));

const listen = (server: Server) =>
  new Promise<string>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
  });
const framework = createServer(app);
for (const server of [plain, framework]) {
  server.keepAliveTimeout = 65_000;
}
const [httpUrl, expressUrl] = await Promise.all([listen(plain), listen(framework)]);

const stop = () => {
  for (const server of [plain, framework]) {
    server.close();
    server.closeAllConnections();
  }
  process.exit(0);
};
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const command = line.trim();
  if (command === "stats") {
    const cpu = process.cpuUsage();
    send({ cpuUs: cpu.user + cpu.system });
  } else if (command === "close") {
    stop();
  }
});
lines.on("close", stop);
process.on("SIGTERM", stop);

send({ ready: true, http: httpUrl, express: expressUrl, pid: process.pid });
