import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Each file gets its own process: integration files point lib/env at their own database.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
