// `node packages/testkit/dist/cli/install-tools.js`: warms the tool caches the e2e tier uses (.ci/run calls it;
// the e2e set-up would do the same on its own).
import { chromiumStep, openTofu111Step, openTofuStep, runSteps, schemathesisStep } from "../setup.js";
import { findClients } from "../tools/terraform-cli.js";

await runSteps([schemathesisStep, openTofuStep, openTofu111Step, chromiumStep]);
for (const client of await findClients()) {
  process.stdout.write(`${client.name} ${client.version} ${client.path}\n`);
}
