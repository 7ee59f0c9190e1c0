#!/usr/bin/env node
// `npm run generate`: regenerates every generated file and removes the ones no longer generated; it must leave git
// clean (packages/codegen/test/generated-is-fresh.test.ts checks it).
//
//   keyward-codegen                                            every generator
//   keyward-codegen cdktf-bindings --target cdktn --out <dir>  one target's bindings into another folder
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bindingFiles, cdktnOutDir, defaultCdktfOutDir } from "./cdktf-bindings.js";
import { type GeneratedFile, leftOverFiles, obsoleteFiles } from "./generator.js";
import { generators } from "./generators.js";
import { providerSchemaJsonPath } from "./provider-schema/index.js";

async function write(files: GeneratedFile[]): Promise<void> {
  for (const { path, content } of files) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

async function remove(paths: string[]): Promise<void> {
  for (const path of paths) {
    await rm(path);
    process.stdout.write(`removed ${path} (no longer generated)\n`);
  }
}

async function generateAll(): Promise<void> {
  for (const generator of generators) {
    const files = await generator.run();
    await write(files);
    process.stdout.write(`${generator.name}: ${files.length} files\n`);
  }
  await remove(await obsoleteFiles(generators));
}

async function generateCdktfBindings(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      target: { type: "string", default: "cdktf" },
      out: { type: "string" },
      schema: { type: "string", default: providerSchemaJsonPath },
    },
  });
  const outDir = resolve(values.out ?? (values.target === "cdktn" ? cdktnOutDir : defaultCdktfOutDir));
  const files = await bindingFiles(JSON.parse(await readFile(values.schema, "utf8")), values.target, outDir);
  await remove(await leftOverFiles(outDir, files));
  await write(files);
  process.stdout.write(`generated ${files.length} files in ${outDir} (target ${values.target})\n`);
}

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  await generateAll();
} else if (command === "cdktf-bindings") {
  await generateCdktfBindings(args);
} else {
  process.stderr.write(
    `unknown command "${command}": run without arguments, or "cdktf-bindings [--target cdktf|cdktn] [--out <dir>]"\n`,
  );
  process.exitCode = 2;
}
