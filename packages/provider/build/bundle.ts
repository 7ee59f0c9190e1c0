// The provider's sources and npm dependencies as one CommonJS file, the only code the executable runs.
import { join } from "node:path";
import { build } from "esbuild";
import { providerPackageDir, repositoryRoot } from "./provider-address.js";

/** The bundle's bytes (nothing is written): the same sources give the same bytes. */
export async function bundleProvider(): Promise<Uint8Array> {
  const { outputFiles } = await build({
    entryPoints: [join(providerPackageDir, "src", "main.ts")],
    // Paths in the bundle's comments are relative to this: the same bytes from any clone.
    absWorkingDir: repositoryRoot,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: "keyward-provider.cjs",
    write: false,
    logLevel: "warning",
    legalComments: "none",
    // `import()` becomes `require()`: the SEA main runs as a startup-snapshot builder script, with no dynamic import
    // hook (its `require` gives built-in modules, all the bundle needs).
    supported: { "dynamic-import": false },
  });
  const [bundle] = outputFiles;
  if (!bundle || outputFiles.length !== 1) {
    throw new Error(`esbuild produced ${outputFiles.length} files for the provider bundle, expected one`);
  }
  return bundle.contents;
}
