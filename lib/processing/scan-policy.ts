import { env } from "../env";
import type { ScanPolicy } from "../uploads/upload-status";

/** This server's scanning set-up: scanning is on when a clamd is configured. */
export function scanPolicy(): ScanPolicy {
  return { scanning: Boolean(env.CLAMD_HOST), failOpen: env.SCAN_FAIL_OPEN };
}

export function clamdOptions() {
  return env.CLAMD_HOST ? { host: env.CLAMD_HOST, port: env.CLAMD_PORT, timeoutMs: env.CLAMD_TIMEOUT_MS } : null;
}
