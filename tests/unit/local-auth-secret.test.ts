import * as fs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readOrCreateSecret } from "@/lib/local-auth-secret";

// Lets a test play "another process" that creates the file between our read and our link.
const race = vi.hoisted(() => ({ before: undefined as undefined | ((file: string) => void) }));
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return {
    ...actual,
    linkSync: (existing: fs.PathLike, target: fs.PathLike) => {
      race.before?.(String(target));
      return actual.linkSync(existing, target);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "slipway-secret-"));
  race.before = undefined;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("readOrCreateSecret", () => {
  it("creates a private secret of at least 32 characters once, then keeps it", () => {
    const file = path.join(dir, "nested", "auth-secret");
    const secret = readOrCreateSecret(file);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecret(file)).toBe(secret);
    expect(readdirSync(path.dirname(file))).toEqual(["auth-secret"]); // no temp file left behind
  });

  it("adopts the secret of a process that got there first", () => {
    const file = path.join(dir, "auth-secret");
    const theirs = "s".repeat(43);
    race.before = (target) => writeFileSync(target, theirs);
    expect(readOrCreateSecret(file)).toBe(theirs);
    expect(readFileSync(file, "utf8")).toBe(theirs);
    expect(readdirSync(dir)).toEqual(["auth-secret"]);
  });

  it("refuses a secret that is too short instead of using it", () => {
    const file = path.join(dir, "auth-secret");
    writeFileSync(file, "short\n");
    expect(() => readOrCreateSecret(file)).toThrow(/shorter than 32 characters: delete the file/);
    expect(readFileSync(file, "utf8")).toBe("short\n");
  });

  it("reports an unreadable secret file instead of replacing it", () => {
    const file = path.join(dir, "auth-secret");
    fs.mkdirSync(file);
    expect(() => readOrCreateSecret(file)).toThrow(expect.objectContaining({ code: "EISDIR" }));
  });
});
