#!/usr/bin/env node
// Generates the CDKTF bindings of @keyward/cdktf (packages/cdktf/src/generated/) from the provider schema that
// `npm run generate` derives from openapi.yaml (packages/provider/src/generated/provider-schema.json), by calling
// @cdktf/provider-generator directly: no Terraform CLI, no `cdktf get`. The same folder gets a copy of the
// provider's generated permission catalog, which IntegrationAccess validates against at synth time.
//
//   node scripts/generate-cdktf-bindings.mjs [--target cdktf|cdktn] [--out <dir>]
//
// --target picks the construct library the bindings import: `cdktf` (default, what @keyward/cdktf depends on) or
// `cdktn` (CDK Terrain, the API-compatible community fork, what @keyward/cdktn depends on). Each target uses its own
// generator: @cdktf/provider-generator 0.21 knows neither ephemeral resources nor write-only attributes (it skips
// `keyward_token` and emits `token_wo` as a plain optional attribute); @cdktn/provider-generator 0.24 generates both.
// Run directly, the script writes the files and removes any file of the output folder it no longer generates;
// `npm run generate` goes through `cdktfBindings` and `cdktnBindings` below.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { providerSchema } from "./generate-provider-schema.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
export const defaultOutDir = join(root, "packages", "cdktf", "src", "generated");
const cdktnOutDir = join(root, "packages", "cdktn", "src", "generated");
const schemaName = "provider-schema.json";
const catalogName = "permission-catalog.ts";
/** The provider's IP-rule check, copied as is so synth refuses exactly what plan and the server refuse. */
const ipRuleSource = join(root, "packages", "provider", "src", "validators", "ip-rule-error.ts");
const ipRuleName = "ip-rule-error.ts";

/** The construct libraries the bindings can be generated for: the module their files import. */
export const targets = /** @type {const} */ (["cdktf", "cdktn"]);

/** The file contents (path relative to the output folder → text) the generator makes for `schema`. */
export async function generateBindings(schema, target = "cdktf") {
  if (!targets.includes(target)) {
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
    const files = new Map();
    for (const file of (await listFiles(base)).sort()) {
      const path = relative(base, file).split(sep).join("/");
      files.set(path, withHeader(path, checkImports(path, await readFile(file, "utf8"), target), target));
    }
    return files;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What the provider-schema generator would write now, so a stale provider schema can't hide a stale binding. */
async function upstreamSchema() {
  const upstream = new Map((await providerSchema.run()).map(({ path, content }) => [path.split(/[\\/]/).pop(), content]));
  const schemaJson = upstream.get(schemaName);
  if (!schemaJson) {
    throw new Error(`the provider schema generator no longer emits ${schemaName}`);
  }
  return JSON.parse(schemaJson);
}

/** The generator object of scripts/generators.mjs: every file of packages/cdktn/src/generated/, nothing written. */
export const cdktnBindings = {
  name: "cdktn bindings (@cdktn/provider-generator)",
  async run() {
    const files = await generateBindings(await upstreamSchema(), "cdktn");
    return [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, content]) => ({ path: join(cdktnOutDir, path), content }));
  },
  async obsolete() {
    return obsoleteFiles(await this.run(), cdktnOutDir);
  },
};

/** The generator object of scripts/generators.mjs: every file of packages/cdktf/src/generated/, nothing written. */
export const cdktfBindings = {
  name: "cdktf bindings (@cdktf/provider-generator)",
  async run() {
    // From what the provider-schema generator would write now, so a stale provider schema can't hide a stale binding.
    const upstream = new Map(
      (await providerSchema.run()).map(({ path, content }) => [path.split(/[\\/]/).pop(), content]),
    );
    const schemaJson = upstream.get(schemaName);
    const catalog = upstream.get(catalogName);
    if (!schemaJson || !catalog) {
      throw new Error(`the provider schema generator no longer emits ${schemaName} and ${catalogName}`);
    }
    return renderFiles(JSON.parse(schemaJson), catalog, "cdktf", defaultOutDir);
  },
  /** Files in the output folder that generation would not produce (left over from an older schema). */
  async obsolete() {
    return obsoleteFiles(await this.run(), defaultOutDir);
  },
};

async function renderFiles(schema, catalog, target, outDir) {
  const files = await generateBindings(schema, target);
  files.set(catalogName, `${header("//", target)}${catalog.replace(/^\/\/ Generated[^\n]*\n/, "")}`);
  const ipRules = await readFile(ipRuleSource, "utf8");
  files.set(ipRuleName, `${header("//", target, "", "packages/provider/src/validators/ip-rule-error.ts")}${ipRules}`);
  return [...files]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, content]) => ({ path: join(outDir, path), content }));
}

async function obsoleteFiles(files, outDir) {
  const wanted = new Set(files.map((file) => file.path));
  return (await listFiles(outDir).catch(() => [])).filter((path) => !wanted.has(path)).sort();
}

// @cdktf/commons (loaded by the generator) runs `terraform version -json` and may report telemetry when it loads:
// neither is needed to generate, so turn telemetry off and give it a no-op binary (its failure is caught inside).
function loadGenerator(target) {
  process.env.CHECKPOINT_DISABLE = "1";
  process.env.TERRAFORM_BINARY_NAME ??= "true";
  // The package root needs jsii-pacmak; the generator module itself doesn't. CodeMaker comes from beside the
  // generator, so each uses the codemaker it was built with.
  const module = target === "cdktn" ? "@cdktn/provider-generator/build/get/generator/provider-generator" : "@cdktf/provider-generator/lib/get/generator/provider-generator";
  const generatorPath = require.resolve(module);
  const { TerraformProviderGenerator } = require(generatorPath);
  const { CodeMaker } = createRequire(generatorPath)("codemaker");
  return { TerraformProviderGenerator, CodeMaker };
}

const CDKTF_IMPORT = "import * as cdktf from 'cdktf';";

/** Each generator imports its own library (`cdktf` / `cdktn`); refuse output that imports the other one. */
function checkImports(path, content, target) {
  const other = target === "cdktf" ? "'cdktn'" : CDKTF_IMPORT;
  if (path.endsWith(".ts") && content.includes(other)) {
    throw new Error(`${path}: the ${target} generator emitted an import of the other library`);
  }
  return content;
}

function header(comment, target, close = "", source = "packages/provider/src/generated/") {
  const by = `scripts/generate-cdktf-bindings.mjs (\`npm run generate\`, target ${target})`;
  return `${comment} Generated by ${by} from ${source}. Do not edit.${close}\n`;
}

function withHeader(path, content, target) {
  if (path.endsWith(".ts")) {
    return header("//", target) + content;
  }
  if (path.endsWith(".md")) {
    return header("<!--", target, " -->") + content;
  }
  return content;
}

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      target: { type: "string", default: "cdktf" },
      out: { type: "string", default: defaultOutDir },
      schema: { type: "string", default: join(root, "packages", "provider", "src", "generated", schemaName) },
    },
  });
  const outDir = resolve(values.out);
  const schema = JSON.parse(await readFile(values.schema, "utf8"));
  const catalog = await readFile(join(dirname(values.schema), catalogName), "utf8");
  const files = await renderFiles(schema, catalog, values.target, outDir);
  for (const path of await obsoleteFiles(files, outDir)) {
    await rm(path);
    process.stdout.write(`removed ${path}\n`);
  }
  for (const { path, content } of files) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  process.stdout.write(`generated ${files.length} files in ${outDir} (target ${values.target})\n`);
}
