import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { HttpError, toErrorResponse } from "@/lib/errors";

describe("toErrorResponse", () => {
  it("keeps an HttpError's status, code, message and headers", () => {
    const result = toErrorResponse(new HttpError(429, "rate_limited", "Slow down.", undefined, { "Retry-After": "3" }));
    expect(result).toEqual({ status: 429, headers: { "Retry-After": "3" }, body: { error: { code: "rate_limited", message: "Slow down." } } });
  });

  it("maps a ZodError to 422 naming the fields", () => {
    const error = z.object({ size: z.number() }).safeParse({ size: "big" }).error;
    const result = toErrorResponse(error);
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe("validation_failed");
    expect(result.body.error.message).toContain("size");
  });

  it("maps a unique-constraint race to 409", () => {
    expect(toErrorResponse(Object.assign(new Error("dup"), { code: "P2002" })).status).toBe(409);
  });

  it("hides unknown errors behind a generic 500", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = toErrorResponse(new Error("secret database detail"));
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain("secret");
    log.mockRestore();
  });
});
