import { describe, expect, it } from "vitest";
import { detailsProblem } from "@/components/requests/guest-details";
import { dropHint, fullReason, limitLines } from "@/components/requests/limit-words";
import { allowedTypesFor, describeTypes, TYPE_CHOICES } from "@/components/requests/type-choices";

const MiB = 1024 ** 2;
const open = { maxFiles: null, maxFileBytes: null, maxTotalBytes: null, allowedTypes: [], remaining: { files: null, bytes: null } };
const limited = { maxFiles: 3, maxFileBytes: 10 * MiB, maxTotalBytes: 50 * MiB, allowedTypes: ["image/*", "application/pdf"], remaining: { files: 1, bytes: 40 * MiB } };

describe("allowed types", () => {
  it("turns the simple choices into content types, and reads them back as words", () => {
    expect(allowedTypesFor("any", "")).toEqual({ ok: true, types: [] });
    expect(allowedTypesFor("images", "")).toEqual({ ok: true, types: ["image/*"] });
    expect(allowedTypesFor("pdfs", "")).toEqual({ ok: true, types: ["application/pdf"] });
    const words = TYPE_CHOICES.filter((option) => option.value !== "custom").map((choice) => {
      const result = allowedTypesFor(choice.value, "");
      return result.ok && describeTypes(result.types);
    });
    expect(words).toEqual(["any type", "images", "PDFs", "documents (PDF, Word, text, spreadsheets, slides)"]);
  });

  it("reads a custom list (commas or spaces, any case, repeats once) and names what is wrong with it", () => {
    expect(allowedTypesFor("custom", " Image/PNG, application/pdf video/*;image/png ")).toEqual({ ok: true, types: ["image/png", "application/pdf", "video/*"] });
    expect(allowedTypesFor("custom", "  ")).toMatchObject({ ok: false, message: expect.stringContaining("at least one type") });
    expect(allowedTypesFor("custom", "image/png, pdf")).toMatchObject({ ok: false, message: expect.stringContaining("“pdf” is not a content type") });
    expect(allowedTypesFor("custom", "*/*")).toMatchObject({ ok: false });
    const many = Array.from({ length: 21 }, (_, i) => `application/x-${i}`).join(",");
    expect(allowedTypesFor("custom", many)).toEqual({ ok: false, message: "Allow at most 20 types, or none for any type." });
  });

  it("words a custom list with the names people use", () => {
    expect(describeTypes(["image/*", "application/pdf"])).toBe("images or PDFs");
    expect(describeTypes(["video/*", "audio/*", "image/png"])).toBe("videos, audio or image/png");
  });
});

describe("limits in words", () => {
  it("says what is left of each limit", () => {
    expect(limitLines(limited)).toEqual([
      { term: "Files", value: "1 file more (it takes 3 files in all)" },
      { term: "Each file", value: "up to 10.0 MB" },
      { term: "In total", value: "up to 50.0 MB (40.0 MB left)" },
      { term: "Types", value: "images or PDFs" },
    ]);
    expect(limitLines(open).map((line) => line.value)).toEqual(["as many as you like", "any size", "no limit", "any type"]);
    expect(limitLines({ ...limited, remaining: { files: 0, bytes: 0 } })[0].value).toBe("no more (it takes 3 files in all)");
  });

  it("says when a request is full, by files or by bytes", () => {
    expect(fullReason(limited)).toBeNull();
    expect(fullReason(open)).toBeNull();
    expect(fullReason({ ...limited, remaining: { files: 0, bytes: 1 } })).toBe("This request has all the files it takes (3 files).");
    expect(fullReason({ ...limited, remaining: { files: 2, bytes: 0 } })).toContain("all the bytes");
  });

  it("gives the drop zone a hint that matches the limits", () => {
    expect(dropHint(limited)).toBe("Up to 1 file, each up to 10.0 MB; images or PDFs. They go straight to storage; you can pause and resume.");
    expect(dropHint(open)).toBe("Several files at once, any size. They go straight to storage; you can pause and resume.");
  });
});

describe("the guest's name and e-mail", () => {
  const both = { askName: true, askEmail: true };
  it("asks for what the request wants, in order, and nothing else", () => {
    expect(detailsProblem(both, { name: " ", email: "" })).toMatchObject({ field: "name", message: expect.stringContaining("Enter your name") });
    expect(detailsProblem(both, { name: "Ada", email: "" })).toMatchObject({ field: "email", message: expect.stringContaining("Enter your e-mail") });
    expect(detailsProblem(both, { name: "Ada", email: "ada@" })).toMatchObject({ field: "email", message: expect.stringContaining("does not look right") });
    expect(detailsProblem(both, { name: "Ada", email: " ada@example.org " })).toBeNull();
    expect(detailsProblem({ askName: false, askEmail: false }, { name: "", email: "" })).toBeNull();
  });
});
