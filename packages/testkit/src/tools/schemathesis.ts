// schemathesis (PyPI, pinned) for contract fuzzing, in a venv at ~/.cache/keyward/venv (KEYWARD_SCHEMATHESIS_VENV).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, tildify } from "../paths.js";
import type { SetupStep } from "../steps.js";

export const SCHEMATHESIS_VERSION = "4.32.5";
export const schemathesisVenv = process.env.KEYWARD_SCHEMATHESIS_VENV ?? join(cacheDir, "venv");
/** The `st` command of the venv. */
export const schemathesisBin = join(schemathesisVenv, "bin", "st");

export const schemathesisHint =
  `schemathesis ${SCHEMATHESIS_VERSION} is not installed in ${schemathesisVenv}. The test set-up installs it (needs python3 with venv ` +
  `and PyPI); by hand: python3 -m venv ${schemathesisVenv} && ${schemathesisVenv}/bin/pip install schemathesis==${SCHEMATHESIS_VERSION}`;

/** True when the pinned schemathesis is in the venv (checked without starting Python). */
export function schemathesisInstalled(): boolean {
  if (!existsSync(schemathesisBin)) {
    return false;
  }
  const lib = join(schemathesisVenv, "lib");
  if (!existsSync(lib)) {
    return false;
  }
  return readdirSync(lib).some((python) =>
    existsSync(join(lib, python, "site-packages", `schemathesis-${SCHEMATHESIS_VERSION}.dist-info`)),
  );
}

export const schemathesisStep: SetupStep = {
  name: `schemathesis ${SCHEMATHESIS_VERSION}`,
  async check() {
    return schemathesisInstalled() ? `cached in ${tildify(schemathesisVenv)}` : undefined;
  },
  installs: `installing into ${tildify(schemathesisVenv)}`,
  async install() {
    if (!existsSync(join(schemathesisVenv, "bin", "pip"))) {
      runOrThrow("python3", ["-m", "venv", schemathesisVenv]);
    }
    runOrThrow(join(schemathesisVenv, "bin", "pip"), [
      "install",
      "--quiet",
      "--disable-pip-version-check",
      `schemathesis==${SCHEMATHESIS_VERSION}`,
    ]);
  },
  hint: schemathesisHint,
};

function runOrThrow(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout ?? ""}${result.stderr ?? ""}`.trim(),
    );
  }
}
