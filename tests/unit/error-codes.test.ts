import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS, isErrorCode } from "@/lib/error-codes";

/** docs/api.md's "Status | codes" table as [code, status] pairs, in the order written. */
function documentedCodes(): [string, number][] {
  const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/api.md"), "utf8");
  const table = doc.slice(doc.indexOf("Status | codes\n--- | ---\n")).split("\n\n")[0].split("\n").slice(2);
  expect(table.length, "the table was not found").toBeGreaterThan(0);
  return table.flatMap((row) => {
    const [, status, cell] = /^(\d{3}) \| (.+)$/.exec(row) ?? [];
    expect(status, `not a table row: ${row}`).toBeDefined();
    // Explanations sit in parentheses after a code; what is left must be codes and commas only.
    const codes = cell.replace(/ \([^()]*\)/g, "").split(", ");
    for (const code of codes) expect(code, `in the ${status} row`).toMatch(/^`[a-z0-9_]+`$/);
    return codes.map((code): [string, number] => [code.slice(1, -1), Number(status)]);
  });
}

describe("the error code registry", () => {
  it("is what docs/api.md lists, each code under its status", () => {
    const documented = documentedCodes();
    expect(new Set(documented.map(([code]) => code)).size, "a code is listed twice").toBe(documented.length);
    const byCode = (pairs: [string, number][]) => [...pairs].sort(([a], [b]) => a.localeCompare(b));
    expect(byCode(documented)).toEqual(byCode(Object.entries(ERROR_STATUS)));
  });

  it("recognises its own codes only", () => {
    expect(isErrorCode("wrong_password")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("BadDigest")).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
