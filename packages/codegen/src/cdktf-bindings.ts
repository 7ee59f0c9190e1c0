// Generates the CDKTF bindings of @keyward/cdktf (packages/cdktf/src/generated/) from the provider schema
// (packages/provider/src/generated/provider-schema.json) by calling @cdktf/provider-generator directly: no
// Terraform CLI, no `cdktf get`. The target picks the construct library the bindings import: `cdktf` (what
// @keyward/cdktf depends on) or `cdktn` (CDK Terrain, the API-compatible community fork).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { type GeneratedFile, type Generator, leftOverFiles, listFiles } from "./generator.js";
import { repoRoot } from "./paths.js";
import { providerSchema, providerSchemaJsonPath } from "./provider-schema/index.js";

export const defaultCdktfOutDir = join(repoRoot, "packages", "cdktf", "src", "generated");

/** The construct libraries the bindings can be generated for: the module their files import. */
export const targets = ["cdktf", "cdktn"] as const;
export type Target = (typeof targets)[number];

/** The file contents (path relative to the output folder → text) the generator makes for `schema`. */
export async function generateBindings(schema: unknown, target: string = "cdktf"): Promise<Map<string, string>> {
  if (!isTarget(target)) {
    throw new Error(`Unknown target "${target}": use one of ${targets.join(", ")}.`);
  }
  const { TerraformProviderGenerator, CodeMaker } = loadGenerator();
  const code = new CodeMaker();
  new TerraformProviderGenerator(code, schema).generateAll();
  const scratch = await mkdtemp(join(tmpdir(), "keyward-cdktf-bindings-"));
  try {
    await code.save(scratch);
    // Everything lands in providers/<provider name>/; the package has one provider, so that folder is the root.
    const [providerDir, ...others] = await readdir(join(scratch, "providers"));
    if (!providerDir || others.length > 0) {
      throw new Error(`expected bindings for exactly one provider, got: ${[providerDir, ...others].join(", ")}`);
    }
    const base = join(scratch, "providers", providerDir);
    const files = new Map<string, string>();
    for (const file of await listFiles(base)) {
      const path = relative(base, file).split(sep).join("/");
      files.set(path, withHeader(path, retarget(path, await readFile(file, "utf8"), target), target));
    }
    return files;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The bindings for `schema` as files under `outDir`, sorted by path. */
export async function bindingFiles(schema: unknown, target: string, outDir: string): Promise<GeneratedFile[]> {
  const files = await generateBindings(schema, target);
  return [...files]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, content]) => ({ path: join(outDir, path), content }));
}

export const cdktfBindings: Generator = {
  name: "cdktf bindings (@cdktf/provider-generator)",
  async run() {
    // From what the provider-schema generator would write now, so a stale provider schema can't hide a stale binding.
    const schemaJson = (await providerSchema.run()).find((file) => file.path === providerSchemaJsonPath);
    if (!schemaJson) {
      throw new Error(`the provider schema generator no longer emits ${providerSchemaJsonPath}`);
    }
    return bindingFiles(JSON.parse(schemaJson.content), "cdktf", defaultCdktfOutDir);
  },
  async obsolete() {
    return leftOverFiles(defaultCdktfOutDir, await this.run());
  },
};

function isTarget(target: string): target is Target {
  return (targets as readonly string[]).includes(target);
}

interface CodeMakerInstance {
  save(dir: string): Promise<void>;
}

interface ProviderGeneratorModule {
  TerraformProviderGenerator: new (code: CodeMakerInstance, schema: unknown) => { generateAll(): void };
}

// @cdktf/commons (loaded by the generator) runs `terraform version -json` and may report telemetry when it loads:
// neither is needed to generate, so turn telemetry off and give it a no-op binary (its failure is caught inside).
function loadGenerator(): ProviderGeneratorModule & { CodeMaker: new () => CodeMakerInstance } {
  process.env.CHECKPOINT_DISABLE = "1";
  process.env.TERRAFORM_BINARY_NAME ??= "true";
  const require = createRequire(import.meta.url);
  // The package root needs jsii-pacmak; the generator module itself doesn't.
  const { TerraformProviderGenerator } = require("@cdktf/provider-generator/lib/get/generator/provider-generator") as ProviderGeneratorModule;
  const { CodeMaker } = require("codemaker") as { CodeMaker: new () => CodeMakerInstance };
  return { TerraformProviderGenerator, CodeMaker };
}

const CDKTF_IMPORT = "import * as cdktf from 'cdktf';";

/** The generator always imports `cdktf`; for cdktn, the same API under another module name, rewrite that import. */
function retarget(path: string, content: string, target: Target): string {
  if (target === "cdktf" || !path.endsWith(".ts") || !content.includes(CDKTF_IMPORT)) {
    return content;
  }
  return content.replaceAll(CDKTF_IMPORT, `import * as cdktf from '${target}';`);
}

function header(comment: string, target: Target, close = ""): string {
  const source = relative(repoRoot, providerSchemaJsonPath).split(sep).join("/");
  return `${comment} Generated by packages/codegen (\`npm run generate\`, target ${target}) from ${source}. Do not edit.${close}\n`;
}

function withHeader(path: string, content: string, target: Target): string {
  if (path.endsWith(".ts")) {
    return header("//", target) + content;
  }
  if (path.endsWith(".md")) {
    return header("<!--", target, " -->") + content;
  }
  return content;
}
