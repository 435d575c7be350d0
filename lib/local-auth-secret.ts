import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export const MIN_SECRET_LENGTH = 32;

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** The secret stored in `file`, or null when there is no such file. */
function readSecret(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error; // EACCES, EISDIR…: the operator has to look, a new secret would hide it
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${file} holds an auth secret shorter than ${MIN_SECRET_LENGTH} characters: delete the file to have a new one generated, or set AUTH_SECRET.`);
  }
  return secret;
}

/**
 * The auth secret kept in `file`, created on first use. Processes starting together (next start,
 * scripts) must all end up with the same secret, and none may ever read a half-written file: the
 * secret is written to a private temp file first, then hard-linked to its name, which fails with
 * EEXIST for everyone but the first.
 */
export function readOrCreateSecret(file: string): string {
  const existing = readSecret(file);
  if (existing !== null) return existing;

  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temp, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  try {
    linkSync(temp, file);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
  const secret = readSecret(file);
  if (secret === null) throw new Error(`${file} vanished right after it was created`);
  return secret;
}
