// Command line of `npm run build:provider`.
import { buildProvider, releaseDir } from "./build-provider.js";

const built = await buildProvider();
process.stdout.write(
  [
    `built ${built.executable}`,
    `package ${releaseDir}/${built.package.zipName}  ${built.package.h1}  ${built.package.zh}`,
    `CLI config: export TF_CLI_CONFIG_FILE=${built.cliConfigPath}`,
    "",
  ].join("\n"),
);
