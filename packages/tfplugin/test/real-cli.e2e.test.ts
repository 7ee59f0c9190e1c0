import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPluginWorkspace, findClients, installHint, schemaAsPrintedBy } from "@keyward/testkit/terraform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerSchemaJson } from "../src/index.js";
import { bundledExampleProvider, exampleProviderAddress, lifecycleTf } from "./fixtures/example-config.js";
import { exampleProvider } from "./fixtures/example-provider.js";
import { bundleExampleProvider } from "./helpers/bundle-provider.js";

const root = mkdtempSync(join(tmpdir(), "tfplugin-e2e-"));
const bundled = join(root, "provider.js");
// Every CLI the e2e set-up provides: the older ones, OpenTofu 1.11 (built by the set-up) and Terraform 1.11.
const clients = await findClients();

beforeAll(async () => {
  await bundleExampleProvider(bundled);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("the example provider driven by real Terraform-compatible CLIs", () => {
  it("finds at least one CLI", () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: init, create, no-op plan, update, replace, import, destroy`, async () => {
      const ws = createPluginWorkspace(
        join(root, `${client.name}-${client.version}`),
        client,
        bundledExampleProvider(bundled),
        lifecycleTf,
      );
      const cli = async (args: string[], want = 0) => {
        const result = await ws.exec(args);
        expect(result.code, `${client.name} ${args.join(" ")}\n${result.output}`).toBe(want);
        return result.output;
      };
      const vars = (name: string, zone: string) => ["-var", `name=${name}`, "-var", `zone=${zone}`];
      const output = async (name: string) => (await cli(["output", "-raw", name])).trim();

      await cli(["init", "-input=false"]);
      const schema = JSON.parse(await cli(["providers", "schema", "-json"]));
      expect(schema).toEqual(schemaAsPrintedBy(client, providerSchemaJson(exampleProvider, exampleProviderAddress)));
      await cli(["apply", "-auto-approve", "-input=false", ...vars("first", "z1")]);
      const firstId = await output("id");
      expect(await output("lookup")).toBe(firstId);
      await cli(["plan", "-detailed-exitcode", "-input=false", ...vars("first", "z1")]);

      expect(await cli(["apply", "-auto-approve", "-input=false", ...vars("second", "z1")])).toMatch(/1 changed/);
      expect([await output("id"), await output("revision")]).toEqual([firstId, "2"]);
      await cli(["plan", "-detailed-exitcode", "-input=false", ...vars("second", "z1")]);

      expect(await cli(["apply", "-auto-approve", "-input=false", ...vars("second", "z2")])).toMatch(
        /1 added, 0 changed, 1 destroyed/,
      );
      const replacedId = await output("id");
      expect(replacedId).not.toBe(firstId);

      await cli(["state", "rm", "example_thing.a"]);
      await cli(["import", "-input=false", ...vars("second", "z2"), "example_thing.a", replacedId]);
      await cli(["plan", "-detailed-exitcode", "-input=false", ...vars("second", "z2")]);

      await cli(["destroy", "-auto-approve", "-input=false", ...vars("second", "z2")]);
      expect(JSON.parse(readFileSync(join(ws.dir, "store.json"), "utf8"))).toEqual({});
    }, 90_000);
  }
});
