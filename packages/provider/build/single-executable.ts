/// <reference path="./postject.d.ts" />
// The provider as one executable that needs no Node.js installed: a copy of this `node` binary with the bundle
// injected as a Node single-executable application (SEA; Node 20: `--experimental-sea-config`, then postject).
//
// Start-up: every plan starts the provider three times, every apply four, so its cold start counts. The SEA is
// built with a V8 startup snapshot (`useSnapshot`): at build time the bundle runs up to the point where it would
// listen — every module evaluated, protobuf codecs generated, the schema answers encoded — and that heap is what the
// executable starts from; the launch itself only makes a certificate, listens and prints the handshake. What the
// snapshot can't hold in Node 20 (node:http2, node:http: they don't load in a snapshot builder) is imported at launch
// or at first use. Measurements: the closing note of issue 14.
//
// Reproducible bytes: V8 seeds its hashes at random, which changes the snapshot from run to run. It is made with a
// fixed `--random-seed`. postject and the zip writer are deterministic.
import { spawn } from "node:child_process";
import { chmod, copyFile, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "postject";

const V8_SEED = "--random-seed=20250101";
const BUNDLE_FILE = "keyward-provider.cjs";
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** The SEA configuration (what the executable's bytes depend on besides the bundle and the Node release). */
export const seaConfig = JSON.stringify({
  main: BUNDLE_FILE,
  output: "sea-prep.blob",
  disableExperimentalSEAWarning: true,
  useSnapshot: true,
});

/**
 * Builds the executable at `output` from the provider's bundle, using `workDir` (empty, removed by the caller)
 * for intermediate files.
 */
export async function buildSingleExecutable(bundle: Uint8Array, output: string, workDir: string): Promise<void> {
  await writeFile(join(workDir, BUNDLE_FILE), bundle);
  await writeFile(join(workDir, "sea-config.json"), seaConfig);
  await runNode([V8_SEED, "--experimental-sea-config", "sea-config.json"], workDir);
  await rm(output, { force: true });
  await copyFile(process.execPath, output);
  await chmod(output, 0o755);
  await inject(output, "NODE_SEA_BLOB", await readFile(join(workDir, "sea-prep.blob")), { sentinelFuse: SEA_FUSE });
}

function runNode(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`node ${args.join(" ")} exited ${code}:\n${stderr}`)),
    );
  });
}
