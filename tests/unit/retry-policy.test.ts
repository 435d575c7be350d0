import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/upload-client/api";
import { NetworkError, StorageError } from "@/lib/upload-client/put-object";
import { isTransient, MAX_ATTEMPTS, retryDelay, withRetries } from "@/lib/upload-client/retry-policy";

describe("retry policy", () => {
  it("retries the network, 5xx and 429, never other refusals", () => {
    expect(isTransient(new NetworkError("x"))).toBe(true);
    expect(isTransient(new ApiError(0, "network", "x"))).toBe(true);
    expect(isTransient(new StorageError(503, "SlowDown"))).toBe(true);
    expect(isTransient(new ApiError(429, "rate_limited", "x"))).toBe(true);
    expect(isTransient(new StorageError(403, "SignatureDoesNotMatch"))).toBe(false);
    expect(isTransient(new ApiError(413, "quota_exceeded", "x"))).toBe(false);
    expect(isTransient(new Error("bug"))).toBe(false);
  });

  it("backs off exponentially with full jitter, capped at 30 s", () => {
    expect(retryDelay(1, undefined, () => 1)).toBe(500);
    expect(retryDelay(3, undefined, () => 1)).toBe(2000);
    expect(retryDelay(3, undefined, () => 0.5)).toBe(1000);
    expect(retryDelay(3, undefined, () => 0)).toBe(0);
    expect(retryDelay(20, undefined, () => 1)).toBe(30_000);
  });

  it("waits at least as long as Retry-After says", () => {
    expect(retryDelay(1, 7, () => 1)).toBe(7000);
  });

  it("gives up after MAX_ATTEMPTS, telling each wait; a lasting error fails at once", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const waits: number[] = [];
    const flaky = withRetries(
      async () => {
        calls += 1;
        throw new StorageError(500, "InternalError");
      },
      undefined,
      (_error, delay) => waits.push(delay),
    );
    const outcome = expect(flaky).rejects.toBeInstanceOf(StorageError);
    await vi.runAllTimersAsync();
    await outcome;
    vi.useRealTimers();
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(waits).toHaveLength(MAX_ATTEMPTS - 1);

    let lasting = 0;
    await expect(withRetries(async () => { lasting += 1; throw new ApiError(413, "quota_exceeded", "full"); })).rejects.toThrow("full");
    expect(lasting).toBe(1);
  });

  it("stops waiting when aborted", async () => {
    const controller = new AbortController();
    const pending = withRetries(async () => {
      throw new NetworkError("down");
    }, controller.signal);
    controller.abort(new Error("paused"));
    await expect(pending).rejects.toThrow("paused");
  });
});
