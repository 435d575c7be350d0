import { HttpError } from "./errors";

// Fixed-window counters in process memory: Slipway runs as one Node process. A multi-instance
// deployment would move these counters to the database or Redis.
const windows = new Map<string, { count: number; resetAt: number }>();

// Keys come from the outside (emails, addresses), so the map is capped: a flood of new keys
// costs old windows, never memory.
const MAX_KEYS = 50_000;
// Room made at once when the map is full, so a flood does not pay a full sweep on every request.
const EVICT_BATCH = MAX_KEYS / 10;

export interface Limit {
  limit: number;
  windowSeconds: number;
}

/** Counts one hit for `key`; throws 429 with Retry-After once the window's limit is used up. */
export function hit(key: string, { limit, windowSeconds }: Limit, now = Date.now()): void {
  let window = windows.get(key);
  if (!window || window.resetAt <= now) {
    // Re-inserted, so the map's order stays the order in which windows started.
    windows.delete(key);
    if (windows.size >= MAX_KEYS) makeRoom(now);
    window = { count: 0, resetAt: now + windowSeconds * 1000 };
    windows.set(key, window);
  }
  window.count += 1;
  if (window.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    throw new HttpError({ code: "rate_limited", message: `Too many requests. Try again in ${retryAfter} s.`, headers: { "Retry-After": String(retryAfter) } });
  }
}

/** Drops the expired windows; if that frees too little, the windows that started first. */
function makeRoom(now: number): void {
  for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  for (const key of windows.keys()) {
    if (windows.size <= MAX_KEYS - EVICT_BATCH) break;
    windows.delete(key);
  }
}
