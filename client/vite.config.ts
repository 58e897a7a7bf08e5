import path from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: {
    outDir: path.resolve(import.meta.dirname, "..", "dist", "client"),
    emptyOutDir: true,
    sourcemap: true,
    // Cytoscape alone is ~400 kB minified; bundle budgets are tracked by `npm run bench`.
    chunkSizeWarningLimit: 1200,
  },
  server: { host: "127.0.0.1" },
});
