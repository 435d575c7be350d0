import { afterEach, describe, expect, it, vi } from "vitest";
import { withTimeout } from "@/lib/with-timeout";

afterEach(() => {
  vi.useRealTimers();
});

describe("withTimeout", () => {
  it("answers what the promise answers and leaves no timer behind", async () => {
    vi.useFakeTimers();
    await expect(withTimeout(Promise.resolve("ok"), 3000)).resolves.toBe("ok");
    await expect(withTimeout(Promise.reject(new Error("boom")), 3000)).rejects.toThrow("boom");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects once the time is up", async () => {
    vi.useFakeTimers();
    const pending = withTimeout(new Promise(() => {}), 3000);
    const outcome = expect(pending).rejects.toThrow("timed out after 3000 ms");
    await vi.advanceTimersByTimeAsync(3000);
    await outcome;
    expect(vi.getTimerCount()).toBe(0);
  });
});
