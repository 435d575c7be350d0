import type { Encryption } from "../storage/sse";

/** What HeadObject reports about an object's encryption. */
export interface ReportedEncryption {
  sse: string | undefined;
  kmsKeyId: string | undefined;
}

export interface CompletionRule {
  /** Why the object is not encrypted as configured, or null when it is. */
  encryptionProblem: string | null;
  /**
   * Whether the ETag is a digest of the bytes (single: their MD5; multipart: md5 of the parts'
   * MD5s, then -N), so that matching the expected one is evidence. Not for SSE-KMS (or any
   * encryption but AES256): there S3 makes ETags that are no MD5, and the evidence is S3's own
   * check of each signed Content-MD5 on arrival, then processing's SHA-256 of the whole file.
   */
  compareEtag: boolean;
  /** Whether the ETag must end in -N for the N planned parts: every multipart object's does, whatever its encryption. */
  checkPartCount: boolean;
}

/** AWS reports a key ARN (arn:aws:kms:…:key/<id>) for a key configured by id; radosgw the id itself. */
function sameKey(configured: string, reported: string | undefined): boolean {
  return reported === configured || (reported?.endsWith(`:key/${configured}`) ?? false);
}

function encryptionProblem(configured: Encryption, reported: ReportedEncryption): string | null {
  const shown = reported.sse ?? "none";
  switch (configured.mode) {
    // Slipway asks for nothing; the bucket may still encrypt by default (AWS: AES256 since 2023).
    case "none":
      return null;
    // Reported or refused: radosgw 16 accepts AES256 and stores the object unencrypted, reporting nothing.
    case "AES256":
      return reported.sse === "AES256" ? null : `the store reports encryption ${shown}, not the configured AES256`;
    case "aws:kms":
      if (reported.sse !== "aws:kms") return `the store reports encryption ${shown}, not the configured aws:kms`;
      if (!sameKey(configured.keyId, reported.kmsKeyId)) return `the store reports KMS key ${reported.kmsKeyId ?? "none"}, not the configured ${configured.keyId}`;
      return null;
  }
}

/**
 * How completion judges a stored object, per case: the configured encryption (S3_SSE) against
 * the one HeadObject reports, for a single PUT or a multipart upload (docs/api.md, "Encryption
 * at rest", has the table). Size and type are always compared; what differs is below.
 */
export function completionRule(configured: Encryption, strategy: "SINGLE" | "MULTIPART", reported: ReportedEncryption): CompletionRule {
  return {
    encryptionProblem: encryptionProblem(configured, reported),
    // Judged on what the store reports, not on the setting: a bucket that encrypts with KMS by default makes such ETags too.
    compareEtag: reported.sse === undefined || reported.sse === "AES256",
    checkPartCount: strategy === "MULTIPART",
  };
}
