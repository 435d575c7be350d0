import { describe, expect, it } from "vitest";
import { isTypeAllowed, normalizeContentType, parseAllowlist } from "@/lib/uploads/content-type-policy";

describe("content type policy", () => {
  it("normalises what browsers send", () => {
    expect(normalizeContentType("")).toBe("application/octet-stream");
    expect(normalizeContentType("Image/PNG")).toBe("image/png");
    expect(normalizeContentType("text/plain; charset=utf-8")).toBe("text/plain");
  });

  it("refuses things that are not MIME types", () => {
    for (const bad of ["png", "image/", "/png", "image/png\r\nX-Evil: 1", "a/b/c", "ima ge/png", "x".repeat(300)]) {
      expect(normalizeContentType(bad), bad).toBeNull();
    }
  });

  it("matches exact types, type/* families and the wildcard", () => {
    const list = parseAllowlist(" image/* , application/pdf ,,");
    expect(list).toEqual(["image/*", "application/pdf"]);
    expect(isTypeAllowed("image/png", list)).toBe(true);
    expect(isTypeAllowed("application/pdf", list)).toBe(true);
    expect(isTypeAllowed("application/pdfx", list)).toBe(false);
    expect(isTypeAllowed("imagex/png", list)).toBe(false);
    expect(isTypeAllowed("text/html", list)).toBe(false);
    expect(isTypeAllowed("text/html", ["*"])).toBe(true);
  });
});
