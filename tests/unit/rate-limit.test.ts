import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HttpError } from "@/lib/errors";
import { forget, hit, tally } from "@/lib/rate-limit";

// Without DATABASE_URL or REDIS_URL the windows live in this process (rate-limiter-flexible's memory store).

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("hit", () => {
  it("allows the limit, then answers 429 with Retry-After until the window ends", async () => {
    const limit = { limit: 2, windowSeconds: 10 };
    expect((await hit("k", limit)).used).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(await hit("k", limit)).toEqual({ used: 2, retryAfterSeconds: 9 });
    vi.advanceTimersByTime(1000);
    const refused = await refusal(hit("k", limit));
    expect([refused.status, refused.code]).toEqual([429, "rate_limited"]);
    expect(refused.headers).toEqual({ "Retry-After": "8" });
    await expect(hit("other", limit)).resolves.toMatchObject({ used: 1 });
    vi.advanceTimersByTime(8001);
    await expect(hit("k", limit)).resolves.toMatchObject({ used: 1 });
  });

  it("keeps every unexpired window, however many fresh keys arrive", async () => {
    const once = { limit: 1, windowSeconds: 900 };
    await hit("signin-account:victim@example.com", once);
    for (let i = 0; i < 60_000; i++) await hit(`flood-${i}`, once);
    const refused = await refusal(hit("signin-account:victim@example.com", once));
    expect(refused.status).toBe(429);
  });
});

describe("tally and forget", () => {
  it("tally counts without refusing; forget starts the key's window again", async () => {
    for (let i = 1; i <= 5; i++) expect((await tally("t", 60)).used).toBe(i);
    const limit = { limit: 1, windowSeconds: 60 };
    await hit("f", limit);
    await refusal(hit("f", limit));
    await forget("f", limit);
    await expect(hit("f", limit)).resolves.toMatchObject({ used: 1 });
  });
});
