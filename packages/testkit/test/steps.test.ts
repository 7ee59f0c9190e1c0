// The set-up's step runner: one progress line per step, an install only when the check says the tool is missing,
// and a failure that carries the step's install hint (never a skip).
import { describe, expect, it } from "vitest";
import { runSteps, SetupError, type SetupStep } from "../src/steps.js";

function fakeStep(overrides: Partial<SetupStep> & { present?: boolean }): SetupStep & { installed: number } {
  let present = overrides.present ?? false;
  const step = {
    name: "tool 1.0",
    installs: "installing into ~/.cache/keyward/tool",
    hint: "Install tool 1.0 by hand: apt-get install tool",
    installed: 0,
    async check() {
      return present ? "cached in ~/.cache/keyward/tool" : undefined;
    },
    async install() {
      step.installed++;
      present = true;
    },
    ...overrides,
  };
  return step;
}

describe("runSteps", () => {
  it("when a tool is cached, then it is not installed again and one line says so", async () => {
    const lines: string[] = [];
    const step = fakeStep({ present: true });
    await runSteps([step], (line) => lines.push(line));
    expect(step.installed).toBe(0);
    expect(lines).toEqual(["[setup] tool 1.0: cached in ~/.cache/keyward/tool"]);
  });

  it("when a tool is missing, then it is installed with a progress line before and after", async () => {
    const lines: string[] = [];
    const step = fakeStep({});
    await runSteps([step], (line) => lines.push(line));
    expect(step.installed).toBe(1);
    expect(lines[0]).toBe("[setup] tool 1.0: installing into ~/.cache/keyward/tool …");
    expect(lines[1]).toMatch(/^\[setup\] tool 1\.0: cached in ~\/\.cache\/keyward\/tool \(\d+ s\)$/);
  });

  it("when the install fails, then the run fails with the reason and the install hint, and later steps don't run", async () => {
    const later = fakeStep({ name: "later 2.0" });
    const failing = fakeStep({
      install: async () => {
        throw new Error("no network");
      },
    });
    const run = runSteps([failing, later], () => {});
    await expect(run).rejects.toThrow(SetupError);
    await expect(run).rejects.toThrow(
      /tool 1\.0 could not be installed: no network\nInstall tool 1\.0 by hand: apt-get install tool/,
    );
    expect(later.installed).toBe(0);
  });

  it("when the install succeeds but the tool is still missing, then the run fails with the hint", async () => {
    const step = fakeStep({ install: async () => {} });
    await expect(runSteps([step], () => {})).rejects.toThrow(
      /tool 1\.0 is still missing after installing it\.\nInstall tool 1\.0 by hand/,
    );
  });
});
