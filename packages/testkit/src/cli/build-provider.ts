// `npm run build:provider`: the provider mirror (see provider-mirror.ts).
import { buildProvider } from "../provider-mirror.js";

const { launcher, cliConfigPath } = await buildProvider();
process.stdout.write(`built ${launcher}\nCLI config: export TF_CLI_CONFIG_FILE=${cliConfigPath}\n`);
