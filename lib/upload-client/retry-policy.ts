import { ApiError } from "./api";
import { NetworkError, StorageError } from "./put-object";

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** Whether trying the same request again can help: the network, a busy or failing server. */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  // ApiError status 0: fetch itself failed (offline), the API was never reached.
  if (error instanceof StorageError || error instanceof ApiError) return error.status === 0 || error.status === 429 || error.status >= 500;
  return false;
}

/**
 * Delay before attempt `attempt` (1 = the first retry): exponential with full jitter, so many
 * clients failing together do not retry together; a server's Retry-After wins when it is longer.
 */
export function retryDelay(attempt: number, retryAfterSeconds: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = Math.round(random() * ceiling);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/** Resolves after `ms`, or rejects at once when `signal` aborts (pause, cancel). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** Told before each wait, so a UI can say what went wrong and that it is being retried. */
export type OnRetry = (error: unknown, delayMs: number) => void;

/** Runs `task`, retrying transient failures with backoff until it succeeds or MAX_ATTEMPTS. */
export async function withRetries<T>(task: () => Promise<T>, signal?: AbortSignal, onRetry?: OnRetry): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error; // paused or cancelled: not a failure to report
      if (!isTransient(error) || attempt >= MAX_ATTEMPTS) throw error;
      const delay = retryDelay(attempt, (error as { retryAfter?: number }).retryAfter);
      onRetry?.(error, delay);
      await sleep(delay, signal);
    }
  }
}
