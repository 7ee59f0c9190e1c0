// The provider executable's entry point (bundled into the mirror by `npm run build:provider`). TF_REATTACH_PROVIDERS debug mode:
// KEYWARD_PROVIDER_DEBUG=1.

import { serve } from "@keyward/tfplugin";
import { keywardProvider, providerAddress } from "./provider.js";

// Options are read at launch: in the executable, that is after its startup snapshot (built from this file) is restored.
serve(keywardProvider, () => ({ address: providerAddress, debug: process.env.KEYWARD_PROVIDER_DEBUG === "1" }));
