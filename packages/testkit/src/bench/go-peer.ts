// The Go framework peer (bench/go-peer) for `npm run bench:tofu`: built with Go into ~/.cache/keyward/bin (rebuilt
// when its sources change) and laid out as a filesystem mirror under its own source address.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { hostPlatform } from "terraform-provider-keyward/build";
import { cacheBin, repoRoot } from "../paths.js";

const run = promisify(execFile);
const sourceDir = join(repoRoot, "bench", "go-peer");
const PEER_VERSION = "0.0.1";

/** The peer's source address: same provider type (`keyward`), so the same resource types. */
export const goPeerSource = "keyward.dev/bench/keyward";
export const goPeerRequiredProviders = `terraform {
  required_providers {
    keyward = { source = "${goPeerSource}" }
  }
}
`;

/** Builds the peer unless a binary of these exact sources is cached; returns its path. */
export async function ensureGoPeer(): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(sourceDir)).filter((file) => /\.(go|mod|sum)$/.test(file)).sort()) {
    hash.update(name).update(await readFile(join(sourceDir, name)));
  }
  const binary = join(cacheBin, `terraform-provider-keyward-go-peer-${hash.digest("hex").slice(0, 16)}`);
  if (!existsSync(binary)) {
    await run("go", ["build", "-trimpath", "-o", binary, "."], { cwd: sourceDir, timeout: 900_000 }).catch(
      (error: { stderr?: string; message: string }) => {
        throw new Error(
          `Cannot build the Go peer (bench/go-peer; needs Go and the Go module proxy):\n${error.stderr ?? error.message}`,
        );
      },
    );
  }
  return binary;
}

/** Puts the peer into a filesystem mirror at `mirrorDir`; returns the CLI configuration block for it. */
export async function goPeerMirror(binary: string, mirrorDir: string): Promise<string> {
  const target = join(
    mirrorDir,
    ...goPeerSource.split("/"),
    PEER_VERSION,
    hostPlatform,
    `terraform-provider-keyward_v${PEER_VERSION}`,
  );
  await mkdir(dirname(target), { recursive: true });
  await copyFile(binary, target);
  await chmod(target, 0o755);
  return `  filesystem_mirror {\n    path    = ${JSON.stringify(mirrorDir)}\n    include = ["${goPeerSource}"]\n  }`;
}
