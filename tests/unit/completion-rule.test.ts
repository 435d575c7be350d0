import { describe, expect, it } from "vitest";
import { completionRule } from "@/lib/uploads/completion-rule";
import type { Encryption } from "@/lib/storage/sse";

// One case per row of docs/api.md's "Encryption at rest" table: configured encryption × what
// HeadObject reports × single PUT or multipart.
const none: Encryption = { mode: "none" };
const aes: Encryption = { mode: "AES256" };
const kms: Encryption = { mode: "aws:kms", keyId: "slipway-local" };
const reports = {
  nothing: { sse: undefined, kmsKeyId: undefined },
  aes: { sse: "AES256", kmsKeyId: undefined },
  kms: { sse: "aws:kms", kmsKeyId: "slipway-local" },
  kmsArn: { sse: "aws:kms", kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/slipway-local" },
  otherKey: { sse: "aws:kms", kmsKeyId: "someone-else" },
  kmsNoKey: { sse: "aws:kms", kmsKeyId: undefined },
};

describe("completion rule", () => {
  describe("S3_SSE=none: the setting asks nothing, the ETag counts unless the store encrypts with KMS", () => {
    it.each(["SINGLE", "MULTIPART"] as const)("%s, store reports nothing: ETag compared", (strategy) => {
      expect(completionRule(none, strategy, reports.nothing)).toEqual({ encryptionProblem: null, compareEtag: true, checkPartCount: strategy === "MULTIPART" });
    });
    it.each(["SINGLE", "MULTIPART"] as const)("%s, bucket default AES256 (AWS since 2023): accepted, ETag compared", (strategy) => {
      expect(completionRule(none, strategy, reports.aes)).toEqual({ encryptionProblem: null, compareEtag: true, checkPartCount: strategy === "MULTIPART" });
    });
    it.each(["SINGLE", "MULTIPART"] as const)("%s, bucket default aws:kms: accepted, its ETag is no digest", (strategy) => {
      expect(completionRule(none, strategy, reports.kms)).toEqual({ encryptionProblem: null, compareEtag: false, checkPartCount: strategy === "MULTIPART" });
    });
  });

  describe("S3_SSE=AES256: only an object the store reports as AES256", () => {
    it.each(["SINGLE", "MULTIPART"] as const)("%s, reported AES256: accepted, ETag compared", (strategy) => {
      expect(completionRule(aes, strategy, reports.aes)).toEqual({ encryptionProblem: null, compareEtag: true, checkPartCount: strategy === "MULTIPART" });
    });
    it.each(["SINGLE", "MULTIPART"] as const)("%s, store reports nothing (radosgw 16 stores AES256 requests in plaintext): refused", (strategy) => {
      expect(completionRule(aes, strategy, reports.nothing).encryptionProblem).toBe("the store reports encryption none, not the configured AES256");
    });
    it("reported aws:kms: refused, it is not what was configured", () => {
      expect(completionRule(aes, "SINGLE", reports.kms).encryptionProblem).toBe("the store reports encryption aws:kms, not the configured AES256");
    });
  });

  describe("S3_SSE=aws:kms: only aws:kms with the configured key; the ETag is never the evidence", () => {
    it.each(["SINGLE", "MULTIPART"] as const)("%s, reported with the key id (radosgw): accepted without comparing the ETag", (strategy) => {
      expect(completionRule(kms, strategy, reports.kms)).toEqual({ encryptionProblem: null, compareEtag: false, checkPartCount: strategy === "MULTIPART" });
    });
    it.each(["SINGLE", "MULTIPART"] as const)("%s, reported as the key's ARN (AWS): accepted", (strategy) => {
      expect(completionRule(kms, strategy, reports.kmsArn).encryptionProblem).toBeNull();
    });
    it.each(["SINGLE", "MULTIPART"] as const)("%s, store reports nothing (a store or bucket without KMS): refused", (strategy) => {
      expect(completionRule(kms, strategy, reports.nothing).encryptionProblem).toBe("the store reports encryption none, not the configured aws:kms");
    });
    it("reported AES256: refused", () => {
      expect(completionRule(kms, "MULTIPART", reports.aes).encryptionProblem).toBe("the store reports encryption AES256, not the configured aws:kms");
    });
    it("another key, or no key reported: refused", () => {
      expect(completionRule(kms, "SINGLE", reports.otherKey).encryptionProblem).toBe("the store reports KMS key someone-else, not the configured slipway-local");
      expect(completionRule(kms, "SINGLE", reports.kmsNoKey).encryptionProblem).toBe("the store reports KMS key none, not the configured slipway-local");
      // A key id that only ends like the configured one is another key.
      expect(completionRule(kms, "SINGLE", { sse: "aws:kms", kmsKeyId: "arn:aws:kms:eu-west-1:1:key/not-slipway-local" }).encryptionProblem).not.toBeNull();
    });
  });
});
