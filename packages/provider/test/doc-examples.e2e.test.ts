// The examples embedded in the generated docs (examples/provider, examples/resources/<type>, examples/data-sources/<type>)
// are valid configurations: each folder passes `validate` with every CLI, against the provider from the mirror. No
// server is needed: validate never configures the provider.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliClients, createWorkspace, installHint, requiredProviders } from "@keyward/testkit/terraform";
import { describe, expect, it } from "vitest";

const clients = await cliClients();
const examplesDir = fileURLToPath(new URL("../../../examples/", import.meta.url));
const unreachable = { url: "http://127.0.0.1:9", adminToken: "kwa_unused" };

async function exampleFolders(): Promise<string[]> {
  const folders = ["provider"];
  for (const kind of ["resources", "data-sources"]) {
    folders.push(...(await readdir(join(examplesDir, kind))).sort().map((type) => `${kind}/${type}`));
  }
  return folders;
}

/** The folder's .tf files as one configuration, with the provider's source address unless the example has it. */
async function configuration(folder: string): Promise<string> {
  const names = (await readdir(join(examplesDir, folder))).filter((name) => name.endsWith(".tf")).sort();
  const text = (await Promise.all(names.map((name) => readFile(join(examplesDir, folder, name), "utf8")))).join("\n");
  return text.includes("required_providers") ? text : `${requiredProviders}\n${text}`;
}

const folders = await exampleFolders();

describe("documentation examples", () => {
  it("has an example for the provider, every resource (with import.sh) and every data source", async () => {
    expect(clients.length, installHint).toBeGreaterThan(0);
    const schema = JSON.parse(
      await readFile(new URL("../src/generated/provider-schema.json", import.meta.url), "utf8"),
    );
    const { resource_schemas: resources, data_source_schemas: dataSources } =
      schema.provider_schemas["keyward.dev/keyward/keyward"];
    expect(folders).toEqual([
      "provider",
      ...Object.keys(resources)
        .sort()
        .map((type) => `resources/${type}`),
      ...Object.keys(dataSources)
        .sort()
        .map((type) => `data-sources/${type}`),
    ]);
    for (const type of Object.keys(resources)) {
      expect(await readFile(join(examplesDir, "resources", type, "import.sh"), "utf8")).toMatch(
        new RegExp(`import ${type}\\.\\w+ \\S+`),
      );
    }
  });

  for (const client of clients) {
    it.concurrent(`${client.name} ${client.version}: every example folder validates`, async () => {
      for (const folder of folders) {
        const ws = await createWorkspace(
          client,
          unreachable,
          `doc-${folder.replace("/", "-")}`,
          await configuration(folder),
        );
        const result = await ws.exec(["validate"]);
        expect(result.code, `${folder}:\n${result.output}`).toBe(0);
      }
    }, 180_000);
  }
});
