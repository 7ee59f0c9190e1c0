// Where the generators read and write, relative to the repository root (this package is packages/codegen).
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const contractPath = `${repoRoot}openapi.yaml`;
export const providerGeneratedDir = `${repoRoot}packages/provider/src/generated/`;
export const contractGeneratedDir = `${repoRoot}packages/contract/src/generated/`;
