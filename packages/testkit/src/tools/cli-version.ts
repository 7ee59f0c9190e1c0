import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The version a Terraform-compatible CLI reports (`version -json`), or undefined when it doesn't run. */
export async function cliVersion(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(path, ["version", "-json"], {
      env: { ...process.env, CHECKPOINT_DISABLE: "1" },
      timeout: 20_000,
    });
    return (JSON.parse(stdout) as { terraform_version?: string }).terraform_version;
  } catch {
    return undefined;
  }
}
