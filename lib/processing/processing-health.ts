import "server-only";
import { pingClamd } from "./clamd-client";
import { clamdOptions } from "./scan-policy";

/** "off" when no clamd is configured, else whether it answers PING. */
export async function scannerHealth(): Promise<"ok" | "down" | "off"> {
  const clamd = clamdOptions();
  if (!clamd) return "off";
  try {
    await pingClamd({ ...clamd, timeoutMs: 3000 });
    return "ok";
  } catch {
    return "down";
  }
}
