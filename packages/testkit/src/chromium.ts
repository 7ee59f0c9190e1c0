// Debian's chromium for the console's browser tests (playwright-core drives it; no browser download). Installed
// with apt when missing, as the set-up installs OpenTofu: one progress line, or an error with the install hint.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.KEYWARD_CHROMIUM ?? "/usr/bin/chromium";

/** Flags the tests launch it with: headless, and without the sandbox because the tests run as root. */
export const CHROMIUM_ARGS: readonly string[] = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"];

export const chromiumHint =
  `Chromium is not installed at ${CHROMIUM_PATH}. The test set-up installs it with apt (needs root and Debian's archive); ` +
  "by hand: apt-get update && apt-get install -y chromium (or set KEYWARD_CHROMIUM to a Chromium binary).";

/** Returns the path of a Chromium binary, installing Debian's `chromium` with apt-get first when it is missing. */
export function ensureChromium(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): string {
  if (existsSync(CHROMIUM_PATH)) {
    return CHROMIUM_PATH;
  }
  log(`[setup] chromium: installing with apt-get (a few minutes) …`);
  const started = Date.now();
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const result = spawnSync("apt-get", args, { encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-5).join("\n");
      throw new Error(`apt-get ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}\n${chromiumHint}`);
    }
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.\n${chromiumHint}`);
  }
  log(`[setup] chromium: installed at ${CHROMIUM_PATH} (${Math.round((Date.now() - started) / 1000)} s)`);
  return CHROMIUM_PATH;
}
