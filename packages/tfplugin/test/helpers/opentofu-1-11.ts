import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The OpenTofu 1.11 release built for tests (the first OpenTofu line with ephemeral resources and write-only attributes). */
export const openTofu111Version = "1.11.14";

export interface BuiltCli {
  readonly name: "tofu";
  readonly version: string;
  readonly path: string;
}

export interface BuildOptions {
  readonly version?: string;
  /** Where the binary is cached, one directory per version. */
  readonly cacheDir?: string;
  /** One line per step. */
  readonly progress?: (line: string) => void;
}

export const openTofu111InstallHint =
  "OpenTofu 1.11 is built from the Go module proxy and needs Go ≥ 1.25 on the PATH (https://go.dev/doc/install); " +
  "or put a tofu 1.11.x binary at the path named above.";

/**
 * OpenTofu 1.11.x, built once from the Go module proxy and cached under ~/.cache/keyward/. `go install` cannot
 * build OpenTofu ≥ 1.7 (its go.mod has replace directives), so this downloads the module and builds ./cmd/tofu
 * inside the module directory, with the module's own go.sum.
 */
export async function ensureOpenTofu111(options: BuildOptions = {}): Promise<BuiltCli> {
  const version = options.version ?? openTofu111Version;
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = join(options.cacheDir ?? join(homedir(), ".cache", "keyward"), `opentofu-v${version}`);
  const path = join(dir, "tofu");
  mkdirSync(dir, { recursive: true });
  while (!existsSync(path)) {
    const lock = takeLock(`${path}.lock`);
    if (!lock) {
      progress(`OpenTofu ${version}: waiting for the build another test process runs`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      continue;
    }
    try {
      progress(`OpenTofu ${version}: downloading github.com/opentofu/opentofu@v${version} from the Go module proxy`);
      const moduleDir = await downloadModule(version);
      progress(`OpenTofu ${version}: building ./cmd/tofu (a few minutes on a cold Go cache) into ${dir}`);
      // Built under a private name and renamed, so nobody executes a half-written binary.
      const partial = `${path}.${process.pid}.partial`;
      await goBuild(moduleDir, partial);
      renameSync(partial, path);
    } finally {
      lock.release();
    }
  }
  const reported = await reportedVersion(path);
  if (reported !== version) {
    throw new Error(`${path} reports OpenTofu ${reported ?? "(no version)"}, expected ${version}; delete it to rebuild.`);
  }
  progress(`OpenTofu ${version}: ${path}`);
  return { name: "tofu", version, path };
}

/** One build at a time across test processes (2 shared cores); a lock whose owner died is taken over. */
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

async function downloadModule(version: string): Promise<string> {
  try {
    const { stdout } = await run("go", ["mod", "download", "-json", `github.com/opentofu/opentofu@v${version}`], {
      cwd: homedir(),
      maxBuffer: 1 << 20,
    });
    const { Dir, Error: failure } = JSON.parse(stdout) as { Dir?: string; Error?: string };
    if (!Dir) {
      throw new Error(failure ?? "go mod download printed no module directory");
    }
    return Dir;
  } catch (error) {
    throw new Error(`go mod download of OpenTofu ${version} failed: ${(error as Error).message}\n${openTofu111InstallHint}`);
  }
}

function goBuild(moduleDir: string, output: string): Promise<void> {
  const args = ["build", "-o", output, "-ldflags", "-X github.com/opentofu/opentofu/version.dev=no", "./cmd/tofu"];
  return new Promise((resolve, reject) => {
    // GOTOOLCHAIN=local: build with the Go on the PATH instead of downloading the toolchain go.mod names.
    const child = spawn("go", args, { cwd: moduleDir, env: { ...process.env, GOTOOLCHAIN: "local" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", (error) => reject(new Error(`cannot run go: ${error.message}\n${openTofu111InstallHint}`)));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`go build of OpenTofu failed (exit ${code}):\n${stderr}\n${openTofu111InstallHint}`)),
    );
  });
}

async function reportedVersion(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(path, ["version", "-json"], { env: { ...process.env, CHECKPOINT_DISABLE: "1" }, timeout: 20_000 });
    return (JSON.parse(stdout) as { terraform_version?: string }).terraform_version;
  } catch {
    return undefined;
  }
}
