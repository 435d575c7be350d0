import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit";

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
