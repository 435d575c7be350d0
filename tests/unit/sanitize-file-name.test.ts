import { describe, expect, it } from "vitest";
import { keySafeName, MAX_NAME_LENGTH, sanitizeFileName, sanitizeFolder } from "@/lib/uploads/sanitize-file-name";
import { must } from "../support/must";

describe("sanitizeFileName on hostile names", () => {
  it("drops path traversal and separators", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("etc_passwd");
    expect(sanitizeFileName("..\\..\\windows\\win.ini")).toBe("windows_win.ini");
    expect(sanitizeFileName("/absolute/path.txt")).toBe("absolute_path.txt");
  });

  it("removes NUL and other control characters", () => {
    expect(sanitizeFileName("report\u0000.pdf")).toBe("report.pdf");
    expect(sanitizeFileName("a\u0007b\u001bc\u007f\u0085.txt")).toBe("abc.txt");
    expect(sanitizeFileName("line\r\nbreak.txt")).toBe("linebreak.txt");
  });

  it("replaces lone surrogates, which PostgreSQL cannot store", () => {
    expect(sanitizeFileName("a\ud800")).toBe("a\ufffd");
    expect(must(sanitizeFileName("\udc00b.txt"), "a name").isWellFormed()).toBe(true);
    expect(sanitizeFileName("x\u0000")).toBe("x");
  });

  it("removes bidirectional overrides such as U+202E and invisible marks", () => {
    expect(sanitizeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeFileName("\u2066a\u2069\u200b\ufeffb.png")).toBe("ab.png");
  });

  it("caps 5,000 characters at the limit and keeps the extension", () => {
    const name = sanitizeFileName(`${"x".repeat(5000)}.tar.gz`);
    expect(name).not.toBeNull();
    const kept = must(name, "a name");
    expect(Array.from(kept)).toHaveLength(MAX_NAME_LENGTH);
    expect(kept.endsWith(".gz")).toBe(true);
  });

  it("never cuts a character in half", () => {
    const name = must(sanitizeFileName("😀".repeat(400)), "a name");
    expect(Array.from(name)).toHaveLength(MAX_NAME_LENGTH);
    expect(name.isWellFormed()).toBe(true);
  });

  it("refuses names with nothing usable left: empty, blank, only dots", () => {
    for (const raw of ["", "   ", ".", "..", "....", "/../..", "\u0000\u202e"]) {
      expect(sanitizeFileName(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it("keeps ordinary Unicode names, quotes and spaces as they are", () => {
    expect(sanitizeFileName('résumé 日本語 "q".pdf')).toBe('résumé 日本語 "q".pdf');
    expect(sanitizeFileName(".gitkeep")).toBe(".gitkeep");
    expect(sanitizeFileName("...env")).toBe(".env");
  });
});

describe("keySafeName", () => {
  it("turns any display name into a short ASCII key segment", () => {
    expect(keySafeName('résumé 日本語 "q".pdf')).toBe("resume-q.pdf");
    expect(keySafeName("日本語")).toBe("file");
    expect(keySafeName("a".repeat(300) + ".bin")).toHaveLength(120);
    expect(keySafeName("x y?z#.txt")).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});

describe("sanitizeFolder", () => {
  it("keeps a relative folder path readable and harmless", () => {
    expect(sanitizeFolder("photos/2024")).toBe("photos/2024");
    expect(sanitizeFolder("../../etc/")).toBe("etc");
    expect(sanitizeFolder("a\\b/\u202e c /./")).toBe("a/b/c");
    expect(sanitizeFolder("/../")).toBeNull();
    expect(sanitizeFolder("x/".repeat(100))).toBe(Array(32).fill("x").join("/"));
  });
});
