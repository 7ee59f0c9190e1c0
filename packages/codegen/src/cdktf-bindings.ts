// Generates the CDKTF bindings of @keyward/cdktf (packages/cdktf/src/generated/) and the CDK Terrain bindings of
// @keyward/cdktn (packages/cdktn/src/generated/) from the provider schema
// (packages/provider/src/generated/provider-schema.json) by calling each library's provider generator directly: no
// Terraform CLI, no `cdktf get`. The target picks the construct library and its generator: `cdktf` uses
// @cdktf/provider-generator 0.21, which knows neither ephemeral resources nor write-only attributes (it skips
// `keyward_token` and emits `token_wo` as a plain optional attribute); `cdktn` (CDK Terrain, the maintained fork) uses
// @cdktn/provider-generator 0.24, which generates both.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { type GeneratedFile, type Generator, leftOverFiles, listFiles } from "./generator.js";
import { repoRoot } from "./paths.js";
import { providerSchema, providerSchemaJsonPath } from "./provider-schema/index.js";

export const defaultCdktfOutDir = join(repoRoot, "packages", "cdktf", "src", "generated");
export const cdktnOutDir = join(repoRoot, "packages", "cdktn", "src", "generated");

/** The construct libraries the bindings can be generated for: the module their files import. */
export const targets = ["cdktf", "cdktn"] as const;
export type Target = (typeof targets)[number];

/** The file contents (path relative to the output folder → text) the generator makes for `schema`. */
export async function generateBindings(schema: unknown, target: string = "cdktf"): Promise<Map<string, string>> {
  if (!isTarget(target)) {
    throw new Error(`Unknown target "${target}": use one of ${targets.join(", ")}.`);
  }
  const { TerraformProviderGenerator, CodeMaker } = loadGenerator(target);
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
      files.set(path, withHeader(path, checkImports(path, await readFile(file, "utf8"), target), target));
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

/** What the provider-schema generator would write now, so a stale provider schema can't hide a stale binding. */
async function upstreamSchema(): Promise<unknown> {
  const schemaJson = (await providerSchema.run()).find((file) => file.path === providerSchemaJsonPath);
  if (!schemaJson) {
    throw new Error(`the provider schema generator no longer emits ${providerSchemaJsonPath}`);
  }
  return JSON.parse(schemaJson.content);
}

function bindingsGenerator(target: Target, outDir: string): Generator {
  return {
    name: `${target} bindings (@${target}/provider-generator)`,
    async run() {
      return bindingFiles(await upstreamSchema(), target, outDir);
    },
    async obsolete() {
      return leftOverFiles(outDir, await this.run());
    },
  };
}

export const cdktfBindings = bindingsGenerator("cdktf", defaultCdktfOutDir);
export const cdktnBindings = bindingsGenerator("cdktn", cdktnOutDir);

function isTarget(target: string): target is Target {
  return (targets as readonly string[]).includes(target);
}

interface CodeMakerInstance {
  save(dir: string): Promise<void>;
}

interface ProviderGeneratorModule {
  TerraformProviderGenerator: new (code: CodeMakerInstance, schema: unknown) => { generateAll(): void };
}

/** Each target's generator module (the package root needs jsii-pacmak; the generator module itself doesn't). */
const generatorModules: Record<Target, string> = {
  cdktf: "@cdktf/provider-generator/lib/get/generator/provider-generator",
  cdktn: "@cdktn/provider-generator/build/get/generator/provider-generator",
};

// @cdktf/commons and @cdktn/commons (loaded by the generators) run `terraform version -json` and may report telemetry
// when they load: neither is needed to generate, so turn telemetry off and give them a no-op binary (its failure is
// caught inside).
function loadGenerator(target: Target): ProviderGeneratorModule & { CodeMaker: new () => CodeMakerInstance } {
  process.env.CHECKPOINT_DISABLE = "1";
  process.env.TERRAFORM_BINARY_NAME ??= "true";
  const generatorPath = createRequire(import.meta.url).resolve(generatorModules[target]);
  const requireBeside = createRequire(generatorPath);
  const { TerraformProviderGenerator } = requireBeside(generatorPath) as ProviderGeneratorModule;
  // CodeMaker from beside the generator, so each uses the codemaker it was built with.
  const { CodeMaker } = requireBeside("codemaker") as { CodeMaker: new () => CodeMakerInstance };
  return { TerraformProviderGenerator, CodeMaker };
}

/** Each generator imports its own library (`cdktf` / `cdktn`); refuse output that imports the other one. */
function checkImports(path: string, content: string, target: Target): string {
  const other = target === "cdktf" ? "from 'cdktn'" : "from 'cdktf'";
  if (path.endsWith(".ts") && content.includes(other)) {
    throw new Error(`${path}: the ${target} generator emitted an import of the other library`);
  }
  return content;
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
