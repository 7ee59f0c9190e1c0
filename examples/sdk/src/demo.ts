// `npm run demo`: the main job end to end on a fresh machine — a server on a fresh embedded store; an
// integration declared through the SDK; a management token scoped to users, roles and keys issued through the SDK,
// with which one integration is applied from HCL and three from a CDKTF app by a real
// OpenTofu/Terraform through the provider; each key then used against the business API (allowed,
// forbidden, field-filtered).
import { createKeywardClient, unwrap } from "@keyward/sdk";
import { cdktfPath } from "./demo-cdktf.js";
import { automationToken, sdkPath } from "./demo-sdk.js";
import { terraformPath } from "./demo-terraform.js";
import { ok, step } from "./progress.js";
import { removeScratch } from "./scratch.js";
import { startKeywardServer } from "./start-server.js";

step("Starting keyward-server on a fresh embedded store");
const server = await startKeywardServer();
ok(`listening on ${server.url} (data: ${server.dataFile})`);
ok(`admin token printed once by the server (${server.adminToken.slice(0, 10)}…)`);

try {
  const admin = createKeywardClient({ baseUrl: server.url, token: server.adminToken });
  await sdkPath(server.url, admin);
  // HCL and CDKTF run with a token scoped to what they apply, issued through the SDK.
  const automation = { url: server.url, adminToken: await automationToken(server.url, admin) };
  await terraformPath(automation);
  await cdktfPath(automation);

  const audit = unwrap(await admin.GET("/v1/audit-events", { params: { query: { limit: 200 } } }));
  const actions = [...new Set(audit.data.map((event) => event.action))];
  step("Audit log");
  ok(`${audit.data.length} events: ${actions.join(", ")}`);
  console.log("\nDemo complete.");
} finally {
  await server.stop();
  removeScratch();
}
