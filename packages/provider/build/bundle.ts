// The provider's sources and npm dependencies as one CommonJS file, the only code the executable runs.
import { join } from "node:path";
import { build } from "esbuild";
import { providerPackageDir, repositoryRoot } from "./provider-address.js";

export async function bundleProvider(outfile: string): Promise<void> {
  await build({
    entryPoints: [join(providerPackageDir, "src", "main.ts")],
    // Paths in the bundle's comments are relative to this: the same bytes from any clone.
    absWorkingDir: repositoryRoot,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    logLevel: "warning",
    legalComments: "none",
    // `import()` becomes `require()`: the launcher runs the bundle as a vm.Script, which has no dynamic import hook.
    supported: { "dynamic-import": false },
  });
}
