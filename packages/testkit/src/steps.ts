// The set-up's step runner: each tool the tests need is one step that checks whether it is there, installs it
// when it isn't (printing one progress line), and fails with its install hint when that is impossible. Nothing is
// skipped. A new tool (PostgreSQL, Chromium, …) is one more `SetupStep`.

export interface SetupStep {
  /** The tool and its version, as the progress line names it: "schemathesis 4.32.5". */
  readonly name: string;
  /** A short note when the tool is ready ("cached in ~/.cache/keyward/venv"); undefined when it must be installed. */
  check(): Promise<string | undefined>;
  /** What `install` does, for the progress line: "installing into ~/.cache/keyward/venv". */
  readonly installs: string;
  install(): Promise<void>;
  /** How to install it by hand: the end of the error when `install` fails. */
  readonly hint: string;
}

export class SetupError extends Error {
  override name = "SetupError";
}

export type ProgressLog = (line: string) => void;

const defaultLog: ProgressLog = (line) => process.stderr.write(`${line}\n`);

/** Runs the steps in order; throws a SetupError (with the step's hint) at the first tool that can't be installed. */
export async function runSteps(steps: readonly SetupStep[], log: ProgressLog = defaultLog): Promise<void> {
  for (const step of steps) {
    await runStep(step, log);
  }
}

export async function runStep(step: SetupStep, log: ProgressLog = defaultLog): Promise<void> {
  const ready = await step.check();
  if (ready !== undefined) {
    log(`[setup] ${step.name}: ${ready}`);
    return;
  }
  log(`[setup] ${step.name}: ${step.installs} …`);
  const started = Date.now();
  try {
    await step.install();
  } catch (error) {
    throw new SetupError(
      `${step.name} could not be installed: ${error instanceof Error ? error.message : String(error)}\n${step.hint}`,
      { cause: error },
    );
  }
  const installed = await step.check();
  if (installed === undefined) {
    throw new SetupError(`${step.name} is still missing after installing it.\n${step.hint}`);
  }
  log(`[setup] ${step.name}: ${installed} (${Math.round((Date.now() - started) / 1000)} s)`);
}
