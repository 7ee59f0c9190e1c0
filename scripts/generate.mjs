#!/usr/bin/env node
// Regenerates every generated file from openapi.yaml. `npm run generate` must leave git clean;
// test/generated-is-fresh.test.ts checks it.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { generators, obsoleteFiles } from "./generators.mjs";

for (const generator of generators) {
  for (const { path, content } of await generator.run()) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    console.log(`generated ${path}`);
  }
}
for (const path of await obsoleteFiles()) {
  await rm(path);
  console.log(`removed ${path} (no longer generated)`);
}
