import { HttpError } from "./errors";

// Fixed-window counters in process memory: Slipway runs as one Node process. A multi-instance
// deployment would move these counters to the database or Redis.
const windows = new Map<string, { count: number; resetAt: number }>();

export interface Limit {
  limit: number;
  windowSeconds: number;
}

/** Counts one hit for `key`; throws 429 with Retry-After once the window's limit is used up. */
export function hit(key: string, { limit, windowSeconds }: Limit, now = Date.now()): void {
  let window = windows.get(key);
  if (!window || window.resetAt <= now) {
    window = { count: 0, resetAt: now + windowSeconds * 1000 };
    windows.set(key, window);
    if (windows.size > 50_000) prune(now);
  }
  window.count += 1;
  if (window.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    throw new HttpError(429, "rate_limited", `Too many requests. Try again in ${retryAfter} s.`, undefined, {
      "Retry-After": String(retryAfter),
    });
  }
}

function prune(now: number): void {
  for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
}
