// The console is served by keyward-server under /console; the build has no inline script or style, so the
// page runs under a CSP without 'unsafe-inline'.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/console/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
