import { describe, expect, it, vi } from "vitest";
import { HttpError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit";

/** A limiter with an empty map, for the tests that fill it. */
async function freshHit(): Promise<typeof hit> {
  vi.resetModules();
  return (await import("@/lib/rate-limit")).hit;
}

const CAP = 50_000;

describe("hit", () => {
  it("allows the limit, then answers 429 with Retry-After until the window resets", () => {
    const limit = { limit: 2, windowSeconds: 10 };
    hit("k", limit, 0);
    hit("k", limit, 1000);
    let refused: unknown;
    try {
      hit("k", limit, 2000);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(429);
    expect((refused as HttpError).headers).toEqual({ "Retry-After": "8" });
    expect(() => hit("k", limit, 10_001)).not.toThrow();
    expect(() => hit("other", limit, 2000)).not.toThrow();
  });
});

describe("hit with a full map", () => {
  const once = { limit: 1, windowSeconds: 100 };

  it("drops expired windows first and keeps the live ones", async () => {
    const fresh = await freshHit();
    fresh("old", once, 0);
    for (let i = 1; i < CAP; i++) fresh(`short-${i}`, { limit: 1, windowSeconds: 1 }, 0);
    fresh("new", once, 2000);
    expect(() => fresh("old", once, 2000)).toThrow("Too many requests");
  });

  it("then forgets the windows that started first, never the newest", async () => {
    const fresh = await freshHit();
    for (let i = 0; i < CAP; i++) fresh(`k-${i}`, once, i);
    fresh("new", once, CAP);
    expect(() => fresh("k-0", once, CAP)).not.toThrow(); // forgotten: a fresh window
    expect(() => fresh(`k-${CAP - 1}`, once, CAP)).toThrow("Too many requests");
    expect(() => fresh("new", once, CAP)).toThrow("Too many requests");
  });

  it("orders windows by when they (re)started", async () => {
    const fresh = await freshHit();
    fresh("restarted", { limit: 1, windowSeconds: 1 }, 0);
    for (let i = 1; i < CAP; i++) fresh(`k-${i}`, once, 500);
    fresh("restarted", once, 1000); // its first window is over: a new one, now the newest
    fresh("new", once, 1000);
    expect(() => fresh("restarted", once, 1000)).toThrow("Too many requests");
    expect(() => fresh("k-1", once, 1000)).not.toThrow();
  });
});
