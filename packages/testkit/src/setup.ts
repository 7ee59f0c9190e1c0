// The tools the tests need, as set-up steps, and the step runner to add more (one `SetupStep` per tool).
import { postgresStep } from "./postgres.js";
import type { SetupStep } from "./steps.js";
import { chromiumStep } from "./tools/chromium.js";
import { providerMirrorStep } from "./tools/keyward-provider.js";
import { openTofu111Step } from "./tools/opentofu-1-11.js";
import { schemathesisStep } from "./tools/schemathesis.js";
import { openTofuStep } from "./tools/terraform-cli.js";

export { cacheBin, cacheDir, tildify } from "./paths.js";
export { postgresStep, setupTestPostgres } from "./postgres.js";
export { type ProgressLog, runStep, runSteps, SetupError, type SetupStep } from "./steps.js";
export { chromiumArgs, chromiumHint, chromiumPath, chromiumStep } from "./tools/chromium.js";
export { providerMirrorStep } from "./tools/keyward-provider.js";
export { OPENTOFU_111_VERSION, openTofu111Dir, openTofu111Hint, openTofu111Step } from "./tools/opentofu-1-11.js";
export {
  SCHEMATHESIS_VERSION,
  schemathesisBin,
  schemathesisHint,
  schemathesisInstalled,
  schemathesisStep,
  schemathesisVenv,
} from "./tools/schemathesis.js";
export { openTofuStep } from "./tools/terraform-cli.js";

/**
 * What the end-to-end tier needs, in order: the provider mirror, a Terraform-compatible CLI, OpenTofu 1.11 (ephemeral
 * resources and write-only attributes), schemathesis, PostgreSQL, Chromium.
 */
export const e2eSteps: SetupStep[] = [
  providerMirrorStep,
  openTofuStep,
  openTofu111Step,
  schemathesisStep,
  postgresStep,
  chromiumStep,
];
