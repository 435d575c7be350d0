import { Redis } from "ioredis";
import pg from "pg";
import { type IRateLimiterOptions, RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface LimiterFactory {
  /** The limiter for one (points, duration) pair; a shared store's limiters all count by key in one place. */
  make: (window: { points: number; duration: number }) => RateLimiterAbstract;
  /** Closes the store's connections. */
  close: () => Promise<void>;
}

export interface StoreConfig {
  redisUrl?: string;
  databaseUrl?: string;
  /** Keeps these counters apart from anything else in the same Redis. */
  keyPrefix: string;
}

// A store that fails must neither open the limits (guessing would go unbounded while the database
// is down or Redis is unreachable) nor turn every request into an error: the counting goes on in
// this process's memory until the store answers again, said once a minute in the log.
let lastWarning = 0;
class StoreDownLimiter extends RateLimiterMemory {
  consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    if (Date.now() - lastWarning > 60_000) {
      lastWarning = Date.now();
      console.warn("[rate-limit] the shared store failed; counting in this process's memory for now");
    }
    return super.consume(...args);
  }
}

/** Where rate-limit windows live: Redis with a URL for it, else PostgreSQL, else this process (embedded PGlite is one process). */
export function limiterFactory({ redisUrl, databaseUrl, keyPrefix }: StoreConfig): LimiterFactory {
  const insured = <T extends IRateLimiterOptions>(options: T): T => ({
    ...options,
    insuranceLimiter: new StoreDownLimiter({ points: options.points, duration: options.duration }),
  });
  if (redisUrl) {
    // A command waits for the connection at start, but while Redis is unreachable it fails after
    // one reconnection attempt (half a second apart) rather than holding the request.
    const storeClient = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => 500 });
    storeClient.on("error", () => {}); // reported by StoreDownLimiter when a count needs it
    return {
      make: ({ points, duration }) => new RateLimiterRedis(insured({ storeClient, keyPrefix, points, duration })),
      close: async () => storeClient.disconnect(),
    };
  }
  if (databaseUrl) {
    const storeClient = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5000, query_timeout: 5000 });
    storeClient.on("error", () => {}); // an idle connection dropped by the server: the pool opens another
    let sweeping = false;
    const make = ({ points, duration }: { points: number; duration: number }) => {
      // The table comes with the migrations; one limiter per process is enough to delete expired rows.
      const clearExpiredByTimeout = !sweeping;
      sweeping = true;
      return new RateLimiterPostgres(insured({ storeClient, storeType: "pool", tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout, keyPrefix, points, duration }));
    };
    return { make, close: () => storeClient.end() };
  }
  return { make: ({ points, duration }) => new RateLimiterMemory({ keyPrefix, points, duration }), close: async () => {} };
}
