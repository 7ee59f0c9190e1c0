// OpenTofu 1.11.x, the first OpenTofu line with ephemeral resources and write-only attributes, built once from the Go
// module proxy into ~/.cache/keyward/opentofu-v<version>/. `go install` cannot build OpenTofu ≥ 1.7 (its go.mod has
// replace directives), so the step downloads the module (`go mod download`) and runs `go build ./cmd/tofu` inside
// the module directory, with the module's own go.sum. CLI discovery (terraform-cli.ts) finds the binary there.
import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { cacheDir, tildify } from "../paths.js";
import type { SetupStep } from "../steps.js";
import { cliVersion } from "./cli-version.js";

const run = promisify(execFile);

export const OPENTOFU_111_VERSION = "1.11.14";
/** The folder of the built binary (`tofu`), one per version. */
export const openTofu111Dir = join(cacheDir, `opentofu-v${OPENTOFU_111_VERSION}`);
const binary = join(openTofu111Dir, "tofu");
const MODULE = `github.com/opentofu/opentofu@v${OPENTOFU_111_VERSION}`;

export const openTofu111Hint =
  `OpenTofu ${OPENTOFU_111_VERSION} is built from the Go module proxy and needs Go ≥ 1.25 on the PATH ` +
  `(https://go.dev/doc/install); or put a tofu ${OPENTOFU_111_VERSION} binary at ${binary}.`;

export const openTofu111Step: SetupStep = {
  name: `OpenTofu ${OPENTOFU_111_VERSION}`,
  async check() {
    const reported = existsSync(binary) ? await cliVersion(binary) : undefined;
    return reported === OPENTOFU_111_VERSION ? `cached in ${tildify(openTofu111Dir)}` : undefined;
  },
  installs: `go mod download ${MODULE}, then go build ./cmd/tofu into ${tildify(openTofu111Dir)} (first run only, a few minutes)`,
  install: buildOpenTofu111,
  hint: openTofu111Hint,
};

async function buildOpenTofu111(): Promise<void> {
  mkdirSync(openTofu111Dir, { recursive: true });
  if (existsSync(binary) && (await cliVersion(binary)) !== OPENTOFU_111_VERSION) {
    rmSync(binary);
  }
  while (!existsSync(binary)) {
    const lock = takeLock(`${binary}.lock`);
    if (!lock) {
      // Another test process builds it (2 shared cores: one build at a time).
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      continue;
    }
    try {
      const moduleDir = await downloadModule();
      // Built under a private name and renamed, so nobody executes a half-written binary.
      const partial = `${binary}.${process.pid}.partial`;
      await goBuild(moduleDir, partial);
      renameSync(partial, binary);
    } finally {
      lock.release();
    }
  }
}

/** A lock file holding the owner's pid; a lock whose owner died is taken over. */
function takeLock(lockPath: string): { release(): void } | undefined {
  try {
    const fd = openSync(lockPath, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return { release: () => rmSync(lockPath, { force: true }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw error;
    }
    if (!processAlive(Number(readFileSync(lockPath, "utf8")))) {
      rmSync(lockPath, { force: true });
      return takeLock(lockPath);
    }
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function downloadModule(): Promise<string> {
  try {
    const { stdout } = await run("go", ["mod", "download", "-json", MODULE], { cwd: homedir(), maxBuffer: 1 << 20 });
    const { Dir, Error: failure } = JSON.parse(stdout) as { Dir?: string; Error?: string };
    if (!Dir) {
      throw new Error(failure ?? "go mod download printed no module directory");
    }
    return Dir;
  } catch (error) {
    throw new Error(`go mod download ${MODULE} failed: ${(error as Error).message}`);
  }
}

function goBuild(moduleDir: string, output: string): Promise<void> {
  const args = ["build", "-o", output, "-ldflags", "-X github.com/opentofu/opentofu/version.dev=no", "./cmd/tofu"];
  return new Promise((resolve, reject) => {
    // GOTOOLCHAIN=local: build with the Go on the PATH instead of downloading the toolchain go.mod names.
    const child = spawn("go", args, {
      cwd: moduleDir,
      env: { ...process.env, GOTOOLCHAIN: "local" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", (error) => reject(new Error(`cannot run go: ${error.message}`)));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`go build ./cmd/tofu failed (exit ${code}):\n${stderr}`)),
    );
  });
}
