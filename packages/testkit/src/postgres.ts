// A throwaway PostgreSQL for tests, demos and benchmarks, from the Debian server binaries (installed with apt-get
// when missing). One cluster per data directory, trust authentication on 127.0.0.1, durability switched off:
// never for real data. Self-contained (node: modules and the PostgreSQL binaries only), so any package can use it.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { SetupStep } from "./steps.js";

const run = promisify(execFile);

export const POSTGRES_INSTALL_HINT =
  "PostgreSQL server binaries are needed (initdb, pg_ctl, psql under /usr/lib/postgresql/<version>/bin). " +
  "Install them with `sudo apt-get install -y postgresql` (Debian/Ubuntu), or point KEYWARD_TEST_DATABASE_URL at a database you may drop.";

export type Progress = (step: string) => void;

export interface ClusterOptions {
  /** Where the cluster lives; its parent must be traversable by the `postgres` user when running as root. */
  root?: string;
  port?: number;
  progress?: Progress;
}

export interface PostgresCluster {
  port: number;
  root: string;
  binDir: string;
  /** A URL for `database` as the superuser `postgres`. */
  url(database?: string): string;
  /** Starts the server if it is not running (idempotent). */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`. */
  stop(): Promise<void>;
  /** Runs SQL as the superuser through psql; returns the unaligned output. */
  sql(statement: string, database?: string): Promise<string>;
  /** A fresh empty database; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
}

const quiet: Progress = () => undefined;

/** The newest installed server's bin directory, installing the server with apt-get when there is none. */
export function ensurePostgresBinaries(progress: Progress = quiet): string {
  const found = installedBinDir();
  if (found) {
    return found;
  }
  progress("PostgreSQL server not found: installing it with apt-get");
  const [command, ...prefix] = process.getuid?.() === 0 ? ["apt-get"] : ["sudo", "-n", "apt-get"];
  const apt = (args: string[]) =>
    execFileSync(command as string, [...prefix, ...args], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  try {
    apt(["update", "-qq"]);
    apt(["install", "-y", "-qq", "--no-install-recommends", "postgresql"]);
  } catch (error) {
    throw new Error(`${POSTGRES_INSTALL_HINT}\napt-get failed: ${(error as Error).message}`);
  }
  const installed = installedBinDir();
  if (!installed) {
    throw new Error(POSTGRES_INSTALL_HINT);
  }
  return installed;
}

function installedBinDir(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) {
    return undefined;
  }
  const versions = readdirSync(base)
    .filter((entry) => existsSync(join(base, entry, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest === undefined ? undefined : join(base, newest, "bin");
}

/** Opens (initdb on first use) and starts a cluster; a running one at the same place is reused. */
export async function startPostgres(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const progress = options.progress ?? quiet;
  const port = options.port ?? 55432;
  const root = options.root ?? join(tmpdir(), `keyward-pg-${port}`);
  const binDir = ensurePostgresBinaries(progress);
  const asRoot = process.getuid?.() === 0;
  // root may not run the server: every server-side command runs as `postgres`, who must own the directory.
  const asServer = (command: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(binDir, command), ...args])
      : run(join(binDir, command), args);
  const dataDir = join(root, "data");
  mkdirSync(root, { recursive: true });
  if (asRoot) {
    execFileSync("chown", ["postgres:postgres", root]);
  }

  const cluster: PostgresCluster = {
    port,
    root,
    binDir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      if (!existsSync(join(dataDir, "PG_VERSION"))) {
        progress(`initdb ${dataDir}`);
        await asServer("initdb", [
          "-D",
          dataDir,
          "-U",
          "postgres",
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--locale=C.UTF-8",
          "--no-sync",
        ]);
      }
      const running = await asServer("pg_ctl", ["-D", dataDir, "status"]).then(
        () => true,
        () => false,
      );
      if (running) {
        return;
      }
      progress(`starting PostgreSQL on 127.0.0.1:${port}`);
      const settings = [
        `-p ${port}`,
        `-k ${root}`,
        "-c listen_addresses=127.0.0.1",
        "-c max_connections=300",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
      ].join(" ");
      await asServer("pg_ctl", ["-D", dataDir, "-l", join(root, "log"), "-w", "-t", "30", "-o", settings, "start"]);
    },
    async stop() {
      await asServer("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(() => undefined);
    },
    async sql(statement, database = "postgres") {
      const { stdout } = await run(join(binDir, "psql"), [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        "-d",
        database,
        "-v",
        "ON_ERROR_STOP=1",
        "-tAqc",
        statement,
      ]);
      return stdout.trim();
    },
    async createDatabase(name = `kw_${process.pid}_${Math.random().toString(36).slice(2, 10)}`) {
      await cluster.sql(`CREATE DATABASE "${name}"`);
      return cluster.url(name);
    },
    async dropDatabase(name) {
      await cluster.sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
  await cluster.start();
  return cluster;
}

/** The shared test cluster's URL, as the vitest global setup publishes it to the workers. */
export const TEST_DATABASE_ENV = "KEYWARD_TEST_DATABASE_URL";

/**
 * vitest globalSetup step: starts the shared test cluster (unless KEYWARD_TEST_DATABASE_URL names one already)
 * and publishes its URL to the workers. The cluster keeps running afterwards: the next run reuses it.
 */
export async function setupTestPostgres(
  progress: Progress = (step) => process.stderr.write(`postgres: ${step}\n`),
): Promise<void> {
  if (process.env[TEST_DATABASE_ENV]) {
    return;
  }
  const cluster = await startPostgres({ progress });
  process.env[TEST_DATABASE_ENV] = cluster.url();
}

/** A fresh database on the shared test cluster (from a test worker); fails with the install hint when there is none. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env[TEST_DATABASE_ENV];
  if (!admin) {
    throw new Error(
      `${TEST_DATABASE_ENV} is not set: the vitest global setup starts PostgreSQL. ${POSTGRES_INSTALL_HINT}`,
    );
  }
  const server = new URL(admin);
  const name = `kw_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const psql = join(ensurePostgresBinaries(), "psql");
  const psqlArgs = (statement: string) => [
    "-h",
    server.hostname,
    "-p",
    server.port,
    "-U",
    decodeURIComponent(server.username || "postgres"),
    "-d",
    server.pathname.slice(1) || "postgres",
    "-tAqc",
    statement,
  ];
  await run(psql, psqlArgs(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await run(psql, psqlArgs(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => undefined);
    },
  };
}

/** The set-up step for the PostgreSQL server binaries (the cluster itself is started by `setupTestPostgres`). */
export const postgresStep: SetupStep = {
  name: "PostgreSQL server (Debian binaries)",
  async check() {
    const dir = installedBinDir();
    return dir === undefined ? undefined : `found in ${dir}`;
  },
  installs: "installing the `postgresql` package with apt-get",
  async install() {
    ensurePostgresBinaries();
  },
  hint: POSTGRES_INSTALL_HINT,
};
