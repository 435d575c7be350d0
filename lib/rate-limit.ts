import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "./env";
import { HttpError } from "./errors";
import { limiterFactory, type LimiterFactory } from "./rate-limit-store";

// Fixed windows counted by rate-limiter-flexible where every instance sees them (lib/rate-limit-store.ts).
// A store keeps every window until it ends, whatever the number of keys: a flood of fresh keys
// cannot reset anyone's counter.

export interface Limit {
  limit: number;
  windowSeconds: number;
}

/** Hits counted in the key's current window, this one included, and the seconds until it ends. */
export interface Count {
  used: number;
  retryAfterSeconds: number;
}

const state = globalThis as unknown as { slipwayLimiters?: { factory: LimiterFactory; byWindow: Map<string, RateLimiterAbstract> } };

function limiter(points: number, duration: number): RateLimiterAbstract {
  state.slipwayLimiters ??= { factory: limiterFactory({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, keyPrefix: "slipway-rl" }), byWindow: new Map() };
  const { factory, byWindow } = state.slipwayLimiters;
  const name = `${points}/${duration}`;
  let made = byWindow.get(name);
  if (!made) byWindow.set(name, (made = factory.make({ points, duration })));
  return made;
}

const toCount = (res: RateLimiterRes): Count => ({ used: res.consumedPoints, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });

/** The 429 every limit answers with. */
export function tooManyRequests(retryAfterSeconds: number): HttpError {
  return new HttpError({ code: "rate_limited", message: `Too many requests. Try again in ${retryAfterSeconds} s.`, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/** Counts one hit for `key`; throws 429 with Retry-After once the window's limit is used up. */
export async function hit(key: string, { limit, windowSeconds }: Limit): Promise<Count> {
  try {
    return toCount(await limiter(limit, windowSeconds).consume(key));
  } catch (refusal) {
    // The library rejects with the window's state when the limit is used up; anything else is a bug.
    if (refusal instanceof RateLimiterRes) throw tooManyRequests(toCount(refusal).retryAfterSeconds);
    throw refusal;
  }
}

/** Counts one hit for `key` without a limit, for callers that decide from the count themselves. */
export async function tally(key: string, windowSeconds: number): Promise<Count> {
  return toCount(await limiter(2 ** 31 - 1, windowSeconds).consume(key));
}

/** What `tally` has counted for `key` in its current window, without counting. */
export async function peek(key: string, windowSeconds: number): Promise<number> {
  return (await limiter(2 ** 31 - 1, windowSeconds).get(key))?.consumedPoints ?? 0;
}

/** Ends `key`'s window under `limit` (a right password clears the failures counted before it). */
export async function forget(key: string, { limit, windowSeconds }: Limit): Promise<void> {
  await limiter(limit, windowSeconds).delete(key);
}
