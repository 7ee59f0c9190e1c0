#!/usr/bin/env node
// Kept for the callers that import it (bench-tofu, tests): the build itself is typed TypeScript in
// packages/provider/build (compiled by `npm run build`), which `npm run build:provider` runs.
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "packages", "provider", "dist", "build", "build-provider.js");
export const { buildProvider, mirrorDir, cliConfigPath, releaseDir } = await import(pathToFileURL(built).href);
