#!/usr/bin/env node
// Regenerates every generated file from openapi.yaml. `npm run generate` must leave git clean;
// test/generated-is-fresh.test.ts checks it.
import { writeFile } from "node:fs/promises";
import { generators } from "./generators.mjs";

for (const generator of generators) {
  for (const { path, content } of await generator.run()) {
    await writeFile(path, content);
    console.log(`generated ${path}`);
  }
}
