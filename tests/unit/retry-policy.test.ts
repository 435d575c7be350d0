import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api-client/call";
import { NetworkError, StorageError } from "@/lib/upload-client/put-object";
import { classifyFailure, MAX_ATTEMPTS, MAX_RESIGNS, retryDelay, withRetries } from "@/lib/upload-client/retry-policy";

describe("retry policy", () => {
  it("retries the network, 5xx and 429, never other refusals", () => {
    const isTransient = (error: unknown) => classifyFailure(error) === "transient";
    expect(isTransient(new NetworkError("x"))).toBe(true);
    expect(isTransient(new ApiError(0, "network", "x"))).toBe(true);
    expect(isTransient(new StorageError(503, "SlowDown"))).toBe(true);
    expect(isTransient(new ApiError(429, "rate_limited", "x"))).toBe(true);
    expect(isTransient(new StorageError(403, "SignatureDoesNotMatch"))).toBe(false);
    expect(isTransient(new ApiError(413, "quota_exceeded", "x"))).toBe(false);
    expect(isTransient(new Error("bug"))).toBe(false);
  });

  it("tells an expired URL and corrupted bytes from final refusals", () => {
    expect(classifyFailure(new StorageError(403, "AccessDenied"))).toBe("expired");
    expect(classifyFailure(new StorageError(400, "BadDigest"))).toBe("corrupted");
    expect(classifyFailure(new StorageError(403, "SignatureDoesNotMatch"))).toBe("final");
    expect(classifyFailure(new ApiError(403, "cross_origin", "x"))).toBe("final");
  });

  it("backs off exponentially, the upper half of each wait random, capped at 30 s", () => {
    expect(retryDelay(1, undefined, () => 1)).toBe(500);
    expect(retryDelay(3, undefined, () => 1)).toBe(2000);
    expect(retryDelay(3, undefined, () => 0.5)).toBe(1500);
    expect(retryDelay(3, undefined, () => 0)).toBe(1000);
    expect(retryDelay(20, undefined, () => 1)).toBe(30_000);
  });

  it("rides out any outage under 30 s: the waits before giving up add up to that even when every draw is 0", () => {
    const waits = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelay(i + 1, undefined, () => 0));
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeGreaterThanOrEqual(30_000);
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
      { onRetry: (_error, delay) => waits.push(delay) },
    );
    const outcome = expect(flaky).rejects.toBeInstanceOf(StorageError);
    await vi.runAllTimersAsync();
    await outcome;
    vi.useRealTimers();
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(waits).toHaveLength(MAX_ATTEMPTS - 1);

    let lasting = 0;
    await expect(
      withRetries(async () => {
        lasting += 1;
        throw new ApiError(413, "quota_exceeded", "full");
      }),
    ).rejects.toThrow("full");
    expect(lasting).toBe(1);
  });

  it("stops waiting when aborted", async () => {
    const controller = new AbortController();
    const pending = withRetries(
      async () => {
        throw new NetworkError("down");
      },
      { signal: controller.signal },
    );
    controller.abort(new Error("paused"));
    await expect(pending).rejects.toThrow("paused");
  });

  it("signs an expired URL again at once, MAX_RESIGNS times, only for a caller that can", async () => {
    const expired = () => Promise.reject(new StorageError(403, "AccessDenied"));
    const repairs: string[] = [];
    const waits: number[] = [];
    await expect(withRetries(expired, { beforeRetry: (failure) => repairs.push(failure), onRetry: (_e, delay) => waits.push(delay) })).rejects.toBeInstanceOf(StorageError);
    expect(repairs).toEqual(Array(MAX_RESIGNS).fill("expired"));
    expect(waits).toEqual([]); // no backoff: a new URL works at once

    let calls = 0;
    await expect(withRetries(() => (calls++, expired()))).rejects.toBeInstanceOf(StorageError);
    expect(calls).toBe(1); // a single PUT URL cannot be signed again: final
  });

  it("hashes corrupted bytes again and retries with backoff; without a repair it is final", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const repairs: string[] = [];
    const flaky = withRetries(
      async () => {
        if (++calls < 3) throw new StorageError(400, "BadDigest");
        return "stored";
      },
      { beforeRetry: (failure) => repairs.push(failure) },
    );
    await vi.runAllTimersAsync();
    await expect(flaky).resolves.toBe("stored");
    vi.useRealTimers();
    expect(repairs).toEqual(["corrupted", "corrupted"]);

    let bare = 0;
    await expect(
      withRetries(async () => {
        bare += 1;
        throw new StorageError(400, "BadDigest");
      }),
    ).rejects.toBeInstanceOf(StorageError);
    expect(bare).toBe(1);
  });
});
