import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("../fixtures/example-provider-main.ts", import.meta.url));

/**
 * Bundles the example provider into one CommonJS file, as a real provider would ship; this also proves the
 * embedded proto descriptor survives bundling.
 */
export async function bundleExampleProvider(outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
}
