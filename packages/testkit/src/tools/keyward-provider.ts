// The Keyward provider the CLIs install: built (`npm run build:provider`) when the mirror is missing or was built
// from other sources, so an e2e run never tests a stale executable and `npm test` never builds it twice.
import { buildProvider, mirrorDir, providerBuildIsCurrent } from "terraform-provider-keyward/build";
import { tildify } from "../paths.js";
import type { SetupStep } from "../steps.js";

export const providerMirrorStep: SetupStep = {
  name: "Keyward provider executable",
  async check() {
    return (await providerBuildIsCurrent()) ? `built from the current sources in ${tildify(mirrorDir)}` : undefined;
  },
  installs: "building the single executable, its zip and mirrors (npm run build:provider; about a minute)",
  async install() {
    await buildProvider();
  },
  hint: "Run `npm run build && npm run build:provider`.",
};
