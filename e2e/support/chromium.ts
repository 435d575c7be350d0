import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium (Playwright must never download a browser here): no sandbox (root),
 * nothing that phones home, and every host but loopback unresolvable (this machine is offline).
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
  ],
};
