import { defineConfig } from "@playwright/test";
import { registerHooks } from "node:module";
import { chromiumLaunchOptions } from "./e2e/support/chromium";
import { e2eServer } from "./e2e/support/server";

// Specs read the bucket and the settings through the app's own server modules, which import
// "server-only": resolve it as Next does for server code (scripts/tsx-server.sh says more).
// The config is loaded by the runner and by every worker, so both get the hook.
registerHooks({
  resolve: (specifier, context, nextResolve) => nextResolve(specifier, specifier === "server-only" ? { ...context, conditions: [...context.conditions, "react-server"] } : context),
});

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: e2eServer.url,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `rm -rf ${e2eServer.dataDir} && bash scripts/serve.sh`,
    url: `${e2eServer.url}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(e2eServer.port),
      SLIPWAY_DATA_DIR: e2eServer.dataDir,
      S3_BUCKET: e2eServer.bucket,
      ADMIN_EMAIL: e2eServer.admin.email,
      ADMIN_PASSWORD: e2eServer.admin.password,
      UPLOAD_ALLOWED_TYPES: e2eServer.allowedTypes,
      DEFAULT_QUOTA_BYTES: String(e2eServer.quotaBytes),
      ...e2eServer.encryption,
      NEXT_TELEMETRY_DISABLED: "1",
      SIGNUP_LIMIT_PER_HOUR: "1000", // every test signs up its own users from 127.0.0.1
      LINK_ACCESS_PER_IP_PER_MINUTE: "1000", // the same: every visitor comes from 127.0.0.1
    },
  },
});
