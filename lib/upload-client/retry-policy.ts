import { ApiError } from "../api-client/call";
import { NetworkError, StorageError } from "./put-object";

export const MAX_ATTEMPTS = 8;
/** Times an expired URL is signed again for one request; re-signing costs no attempt and no wait. */
export const MAX_RESIGNS = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * What a failed request calls for: `transient` (the network, a busy or failing server) is worth
 * the same request again later; `expired` (S3 refused a URL past its lifetime) a newly signed
 * URL; `corrupted` (S3's BadDigest: the bytes did not match their signed MD5) hashing the bytes
 * again; anything else is final.
 */
export type Failure = "transient" | "expired" | "corrupted" | "final";

export function classifyFailure(error: unknown): Failure {
  if (error instanceof NetworkError) return "transient";
  if (error instanceof StorageError && error.status === 403 && error.code === "AccessDenied") return "expired";
  if (error instanceof StorageError && error.code === "BadDigest") return "corrupted";
  // ApiError status 0: fetch itself failed (offline), the API was never reached.
  if (error instanceof StorageError || error instanceof ApiError) {
    if (error.status === 0 || error.status === 429 || error.status >= 500) return "transient";
  }
  return "final";
}

/**
 * Delay before attempt `attempt` (1 = the first retry): exponential, its upper half random, so
 * many clients failing together do not retry together. Only half is random so that the waits
 * before giving up always add up to ~30 s: with full jitter, unlucky draws spent all attempts
 * within a few seconds, and a restarting gateway or database failed uploads. A server's
 * Retry-After wins when it is longer.
 */
export function retryDelay(attempt: number, retryAfterSeconds: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/** Resolves after `ms`, or rejects at once when `signal` aborts (pause, cancel). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Told before each wait, so a UI can say what went wrong and that it is being retried. */
export type OnRetry = (error: unknown, delayMs: number) => void;

export interface RetryOptions {
  /** Pause or cancel: stops waiting at once, and the abort reason is what the caller sees. */
  signal?: AbortSignal;
  onRetry?: OnRetry;
  /**
   * Repairs what an `expired` or `corrupted` failure broke (forgets the URL, the MD5) before the
   * next attempt. Without it those failures are final: only the caller knows how to repair them.
   */
  beforeRetry?: (failure: "expired" | "corrupted") => void;
}

/** The one retry loop: runs `task` until it succeeds, a failure is final, or attempts run out. */
export async function withRetries<T>(task: () => Promise<T>, { signal, onRetry, beforeRetry }: RetryOptions = {}): Promise<T> {
  let resigns = 0;
  for (let attempt = 1; ;) {
    try {
      return await task();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error; // paused or cancelled: not a failure to report
      const failure = classifyFailure(error);
      if (failure === "final" || (failure !== "transient" && !beforeRetry)) throw error;
      if (failure === "expired" ? ++resigns > MAX_RESIGNS : attempt >= MAX_ATTEMPTS) throw error;
      if (failure !== "transient") beforeRetry?.(failure);
      if (failure === "expired") continue; // a fresh URL can be used at once
      const delay = retryDelay(attempt, (error as { retryAfter?: number }).retryAfter);
      onRetry?.(error, delay);
      await sleep(delay, signal);
      attempt += 1;
    }
  }
}
