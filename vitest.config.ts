import path from "node:path";
import { defineConfig } from "vitest/config";

const integration = (db: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration-${db}`,
    include: ["tests/integration/**/*.test.ts"],
    // Scanning is off unless a file turns it on (tests/support/use-clamd.ts): most tests are not about
    // scanning and would otherwise wait for it before sharing. The run's clamd stays reachable.
    env: { VITEST_PROJECT_DB: db, CLAMD_HOST: "", TEST_CLAMD_HOST: process.env.CLAMD_HOST ?? "", TEST_CLAMD_PORT: process.env.CLAMD_PORT ?? "" },
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/use-database.ts"],
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // What Next.js does for server code: the marker that keeps server modules out of the browser is empty here.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    // One process per file: each integration file points lib/env at its own database copy.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { S3_BUCKET: "slipway-test", NODE_ENV: "test" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      // Real radosgw, no database.
      { extends: true, test: { name: "storage", include: ["tests/storage/**/*.test.ts"] } },
      integration("pglite"),
      integration("postgres"),
      // Slipway against OpenStack Swift's S3 API (scripts/swift-store.sh; scripts/run-tests.sh starts it):
      // its own S3 settings, so no other project's S3_ENDPOINT changes. One database is enough here.
      {
        extends: true,
        test: {
          name: "swift",
          include: ["tests/swift/**/*.test.ts"],
          env: {
            VITEST_PROJECT_DB: "pglite",
            CLAMD_HOST: "",
            S3_ENDPOINT: process.env.SWIFT_S3_ENDPOINT ?? "",
            S3_ACCESS_KEY_ID: process.env.SWIFT_S3_ACCESS_KEY_ID ?? "slipway:slipway",
            S3_SECRET_ACCESS_KEY: process.env.SWIFT_S3_SECRET_ACCESS_KEY ?? "slipway-swift-secret-key-0123456789",
            S3_BUCKET: "slipway-swift",
          },
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/use-swift.ts", "tests/support/use-database.ts"],
        },
      },
      // Migrations from empty, on both databases; run once, not per project.
      { extends: true, test: { name: "migrations", include: ["tests/migrations/**/*.test.ts"] } },
      // The README's run command end to end (minutes; needs `next build`): scripts/test.sh runs it last.
      ...(process.env.SLIPWAY_SMOKE ? [{ extends: true as const, test: { name: "smoke", include: ["tests/smoke/**/*.test.ts"] } }] : []),
    ],
  },
});
