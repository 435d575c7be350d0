import { describe, expect, it } from "vitest";
import { cleanMultilineText } from "@/lib/clean-text";
import { createRequestSchema } from "@/lib/validations/request";

describe("a request's message", () => {
  it("keeps its line breaks (CR LF and CR become LF) and loses what cleanText removes on each line", () => {
    expect(cleanMultilineText("Holiday videos\r\nfrom\rthe\u202E trip\u0000\n\nThanks")).toBe("Holiday videos\nfrom\nthe trip\n\nThanks");
  });

  it("is stored as written over several lines, trimmed", () => {
    const input = createRequestSchema.parse({ label: "Photos", message: "  Line one\nLine two\n", expiresInSeconds: 3600 });
    expect(input.message).toBe("Line one\nLine two");
  });
});
