import { createHash, randomBytes } from "node:crypto";

/** A new share token (32 random bytes, base64url); only its hash is ever stored. */
export function newShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
