import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/error-codes";
import { HttpError, notFound, toErrorResponse } from "@/lib/errors";

const codes = Object.keys(ERROR_STATUS) as ErrorCode[];

describe("HttpError", () => {
  it("takes its status from the registry", () => {
    expect(new HttpError({ code: "wrong_password", message: "No." }).status).toBe(403);
    expect(notFound("Upload")).toMatchObject({ status: 404, code: "not_found", message: "Upload not found." });
    for (const code of codes) expect(new HttpError({ code, message: "x" }).status, code).toBe(ERROR_STATUS[code]);
  });

  it("accepts the registry's codes only (tsc checks this)", () => {
    expectTypeOf<HttpError["code"]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf(HttpError).toBeConstructibleWith({ code: "wrong_password", message: "No." });
    // @ts-expect-error a code missing from lib/error-codes.ts does not compile
    expectTypeOf(HttpError).toBeConstructibleWith({ code: "wrong_pasword", message: "typo" });
  });
});

describe("the registry's statuses", () => {
  it("are client errors (4xx), except a bug (500) and a store that is down (503)", () => {
    const serverSide: Partial<Record<ErrorCode, number>> = { internal: 500, storage_unavailable: 503, database_busy: 503 };
    expect(codes).toEqual(expect.arrayContaining(Object.keys(serverSide)));
    for (const code of codes) {
      if (code in serverSide) expect(ERROR_STATUS[code], code).toBe(serverSide[code]);
      else expect(Math.floor(ERROR_STATUS[code] / 100), code).toBe(4);
    }
  });
});

describe("toErrorResponse", () => {
  it("keeps an HttpError's status, code, message and headers", () => {
    const result = toErrorResponse(new HttpError({ code: "rate_limited", message: "Slow down.", headers: { "Retry-After": "3" } }));
    expect(result).toEqual({ status: 429, headers: { "Retry-After": "3" }, body: { error: { code: "rate_limited", message: "Slow down." } } });
  });

  it("answers every code with the registry's status", () => {
    for (const code of codes) {
      const result = toErrorResponse(new HttpError({ code, message: "m", details: { n: 1 } }));
      expect([result.status, result.body.error], code).toEqual([ERROR_STATUS[code], { code, message: "m", details: { n: 1 } }]);
    }
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
