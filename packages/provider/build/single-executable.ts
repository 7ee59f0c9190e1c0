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
// Reproducible bytes: a snapshot holds hash seeds, heap addresses, native pointers and the builder's process id, and
// V8's helper threads vary the order things are allocated in; the main script's path is in it too. So it is built
// with a fixed `--random-seed`, V8's `--predictable` (one thread), no address-space randomisation (`setarch -R`), in
// fresh user, mount and PID namespaces (`unshare`: the builder is pid 1 and sees its work directory at /mnt); then
// two builds give the same bytes, and the executable, started without these flags, accepts the snapshot. postject
// and the zip writer are deterministic.
import { spawn } from "node:child_process";
import { chmod, copyFile, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "postject";

const V8_DETERMINISM = ["--random-seed=20250101", "--predictable"];
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
  await runDeterministicNode([...V8_DETERMINISM, "--experimental-sea-config", "sea-config.json"], workDir);
  await rm(output, { force: true });
  await copyFile(process.execPath, output);
  await chmod(output, 0o755);
  await inject(output, "NODE_SEA_BLOB", await readFile(join(workDir, "sea-prep.blob")), { sentinelFuse: SEA_FUSE });
}

/** Runs this `node` with `args` in `dir` as described above (same path, address layout and pid every time). */
function runDeterministicNode(args: string[], dir: string): Promise<void> {
  if (process.platform !== "linux") {
    process.stderr.write("[WARN] not on Linux: the provider executable's bytes will differ from build to build\n");
    return run(process.execPath, args, dir);
  }
  const namespaces = ["--user", "--map-root-user", "--mount", "--pid", "--fork"];
  const inFixedDir = 'mount --bind "$0" /mnt && cd /mnt && exec "$@"';
  return run("setarch", ["-R", "unshare", ...namespaces, "sh", "-c", inFixedDir, dir, process.execPath, ...args], dir);
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", (error) =>
      reject(new Error(`${command} could not start (${error.message}); setarch and unshare come with util-linux`)),
    );
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${stderr}`)),
    );
  });
}
