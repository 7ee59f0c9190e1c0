#!/usr/bin/env node
// The `keyward-server` command. This file is committed (dist/ is not) so that npm links the bin when it installs
// the package, also in a fresh clone before anything is built; it runs the compiled server.
import("../dist/bin/keyward-server.js").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bin/keyward-server.js")) {
    process.stderr.write("keyward-server is not built yet: run `npm run build` first.\n");
    process.exit(1);
  }
  throw error;
});
