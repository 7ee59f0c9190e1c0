// Debian's chromium for the console's browser tests (playwright-core drives it; no browser download). The set-up
// installs it with apt-get when it is missing, as it builds OpenTofu; KEYWARD_CHROMIUM points at another binary.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { SetupStep } from "../steps.js";

export const chromiumPath = process.env.KEYWARD_CHROMIUM ?? "/usr/bin/chromium";

/** Flags the tests launch it with: headless, and without the sandbox because the tests run as root. */
export const chromiumArgs: readonly string[] = [
  "--headless=new",
  "--no-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
];

export const chromiumHint =
  `Chromium is not installed at ${chromiumPath}. The test set-up installs it with apt-get (needs root and Debian's archive); ` +
  "by hand: apt-get update && apt-get install -y chromium (or set KEYWARD_CHROMIUM to a Chromium binary).";

export const chromiumStep: SetupStep = {
  name: "Chromium",
  async check() {
    return existsSync(chromiumPath) ? `found at ${chromiumPath}` : undefined;
  },
  installs: "installing Debian's chromium with apt-get (a few minutes)",
  async install() {
    for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
      const result = spawnSync("apt-get", args, {
        encoding: "utf8",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
      if (result.status !== 0) {
        const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-5).join("\n");
        throw new Error(
          `apt-get ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
        );
      }
    }
  },
  hint: chromiumHint,
};
