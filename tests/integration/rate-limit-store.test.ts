import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hit } from "@/lib/rate-limit";
import { type LimiterFactory, limiterFactory } from "@/lib/rate-limit-store";

// The shared stores, each seen from two "instances" (two factories, as two app processes would
// have). PGlite runs keep their windows in process memory, which tests/unit/rate-limit.test.ts
// covers; the stores here do not depend on the app's database kind, so they run once.
const postgresRun = process.env.VITEST_PROJECT_DB === "postgres";
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const opened: LimiterFactory[] = [];
/** A store's limiter of 2 per minute, as one instance holds it. */
const open = (config: Parameters<typeof limiterFactory>[0]) => {
  const factory = limiterFactory(config);
  opened.push(factory);
  return factory.make({ points: 2, duration: 60 });
};
afterAll(() => Promise.all(opened.map((factory) => factory.close())));

/** "ok", or "refused" when the limiter rejects with the window's state (a 429); anything else throws. */
const consume = (limiter: RateLimiterAbstract, key: string) =>
  limiter.consume(key).then(
    () => "ok",
    (error: unknown) => {
      if (error instanceof RateLimiterRes) return "refused";
      throw error;
    },
  );

describe.skipIf(!postgresRun)("the PostgreSQL store (DATABASE_URL)", () => {
  it("counts in the rate_limits table, where a second instance sees the first one's hits", async () => {
    const key = `shared-${randomUUID()}`;
    const one = open({ databaseUrl: env.DATABASE_URL, keyPrefix: "test" });
    const other = open({ databaseUrl: env.DATABASE_URL, keyPrefix: "test" });
    expect([await consume(one, key), await consume(other, key), await consume(one, key), await consume(other, key)]).toEqual(["ok", "ok", "refused", "refused"]);
    expect(await db.rateLimit.findUnique({ where: { key: `test:${key}` } })).toMatchObject({ points: 4 });
  });

  it("keeps an account's window however many fresh keys the table holds", async () => {
    const account = { limit: 1, windowSeconds: 900 };
    await hit("signin-account:victim@example.com", account);
    // 60,000 fresh windows as a flood of hits leaves them (one statement: through hit() one by
    // one they would take most of a minute here; tests/unit/rate-limit.test.ts floods the memory
    // store that way), then one more hit through the store.
    await db.$executeRaw`INSERT INTO rate_limits (key, points, expire) SELECT 'slipway-rl:flood-' || n, 1, ${Date.now() + 900_000} FROM generate_series(1, 60000) AS n`;
    await hit("flood-last", account);
    expect(await db.rateLimit.count({ where: { key: { startsWith: "slipway-rl:flood-" } } })).toBe(60_001);
    await expect(hit("signin-account:victim@example.com", account)).rejects.toMatchObject({ status: 429, code: "rate_limited" });
  });
});

describe.skipIf(!postgresRun)("the Redis store (REDIS_URL)", () => {
  it("is shared by two instances, under its own key prefix", async () => {
    const keyPrefix = `slipway-test-${randomUUID()}`;
    const one = open({ redisUrl, keyPrefix });
    const other = open({ redisUrl, keyPrefix });
    expect([await consume(one, "k"), await consume(other, "k"), await consume(one, "k")]).toEqual(["ok", "ok", "refused"]);
    expect(await consume(open({ redisUrl, keyPrefix: `${keyPrefix}-apart` }), "k")).toBe("ok");
  });
});

describe.skipIf(!postgresRun)("a store that fails", () => {
  // Nothing listens on port 1: every call to the store fails at once.
  it.each([
    ["Redis", { redisUrl: "redis://127.0.0.1:1", keyPrefix: "down" }],
    ["PostgreSQL", { databaseUrl: "postgres://postgres@127.0.0.1:1/none", keyPrefix: "down" }],
  ])("%s: limits still hold, counted in the process, and nothing else is thrown", async (_, config) => {
    const down = open(config);
    expect([await consume(down, "k"), await consume(down, "k"), await consume(down, "k")]).toEqual(["ok", "ok", "refused"]);
  });
});
