// `npm run demo:replicas`: PostgreSQL and two Keyward replicas on it, as behind a load balancer. A key is
// created on replica A and used on replica B; it is revoked on B and refused on A; the propagation times show.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "../postgres.js";
import { call, integration, startReplica, verifyOn, waitFor } from "../replicas.js";

const step = (text: string) => console.log(`▸ ${text}`);
const dir = mkdtempSync(join(tmpdir(), "keyward-demo-replicas-"));
const cluster = await startPostgres({ port: 55431, progress: (text) => step(`PostgreSQL: ${text}`) });
const database = `keyward_demo_${Date.now()}`;
const databaseUrl = await cluster.createDatabase(database);
step(`PostgreSQL ready: ${databaseUrl}`);
const a = await startReplica({ name: "A", databaseUrl, dataFile: join(dir, "a.json") });
const b = await startReplica({ name: "B", databaseUrl, dataFile: join(dir, "b.json") });
try {
  const admin = a.adminToken!;
  step(`replica A on ${a.url}, replica B on ${b.url}, one database`);
  const site = await integration(a.url, admin, "demo-site");
  step(`created key ${site.keyId} on replica A`);
  const seen = await waitFor(
    "key usable on B",
    async () => (await verifyOn(b.url, admin, site.token)).json.allowed === true,
  );
  step(
    `replica B allows it after ${seen.toFixed(0)} ms: ${JSON.stringify((await call(b.url, site.token, "GET", "/v1/me")).json.key)}`,
  );
  const revoked = await call(b.url, admin, "DELETE", `/v1/api-keys/${site.keyId}`);
  step(`revoked it on replica B (${revoked.status})`);
  const refused = await waitFor(
    "key refused on A",
    async () => (await verifyOn(a.url, admin, site.token)).json.allowed === false,
  );
  const onA = await call(a.url, site.token, "GET", "/v1/events");
  step(`replica A refuses it after ${refused.toFixed(0)} ms: ${onA.status} ${String(onA.json.code)}`);
  step(`health of A: ${JSON.stringify((await call(a.url, admin, "GET", "/v1/health")).json)}`);
  console.log(`\nPropagation: create A→B ${seen.toFixed(0)} ms, revoke B→A ${refused.toFixed(0)} ms.`);
} finally {
  await Promise.all([a.stop(), b.stop()]);
  await cluster.dropDatabase(database).catch(() => undefined);
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
