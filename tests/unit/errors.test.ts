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

  const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code });

  it("maps a unique-constraint race to 409 and a vanished row to 404", () => {
    expect(toErrorResponse(prismaError("P2002"))).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(toErrorResponse(prismaError("P2025"))).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("maps a busy, timed-out or unreachable database to 503 database_busy", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const code of ["P2028", "P2034", "P1001", "P1002", "P1008", "P1017", "P2024"]) {
      const result = toErrorResponse(prismaError(code));
      expect(result.status, code).toBe(503);
      expect(result.body.error, code).toEqual({ code: "database_busy", message: "The database is busy or unreachable. Try again in a moment." });
    }
    expect(log).toHaveBeenCalledTimes(7);
    log.mockRestore();
  });

  it("treats other codes, and codes that are not strings, as unknown errors", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toErrorResponse(prismaError("P2003")).status).toBe(500);
    expect(toErrorResponse(Object.assign(new Error("x"), { code: 2002 })).status).toBe(500);
    expect(toErrorResponse(Object.assign(new Error("x"), { code: "ECONNREFUSED" })).status).toBe(500);
    log.mockRestore();
  });

  it("hides unknown errors behind a generic 500", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = toErrorResponse(new Error("secret database detail"));
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain("secret");
    log.mockRestore();
  });
});
