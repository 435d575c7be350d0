import { env } from "../env";

/** How objects are encrypted at rest: as configured (S3_SSE), or as a HeadObject reports it. */
export type Encryption = { mode: "none" } | { mode: "AES256" } | { mode: "aws:kms"; keyId: string };

/** What S3_SSE and S3_SSE_KMS_KEY_ID ask for (lib/env refuses every other combination). */
export const configuredEncryption: Encryption =
  env.S3_SSE === "aws:kms" ? { mode: "aws:kms", keyId: env.S3_SSE_KMS_KEY_ID ?? "" } : env.S3_SSE === "AES256" ? { mode: "AES256" } : { mode: "none" };

/**
 * The encryption parameters of every SDK call that writes an object (PutObject, CopyObject,
 * CreateMultipartUpload); empty with S3_SSE=none, so the bucket's own default applies as before.
 */
export function encryptionParams(): { ServerSideEncryption?: "AES256" | "aws:kms"; SSEKMSKeyId?: string } {
  if (configuredEncryption.mode === "none") return {};
  if (configuredEncryption.mode === "AES256") return { ServerSideEncryption: "AES256" };
  return { ServerSideEncryption: "aws:kms", SSEKMSKeyId: configuredEncryption.keyId };
}

/** The same as request headers, for presigned PUTs: signed, so a browser that leaves them out is refused. */
export function encryptionHeaders(): Record<string, string> {
  const { ServerSideEncryption: mode, SSEKMSKeyId: keyId } = encryptionParams();
  const headers: Record<string, string> = {};
  if (mode) headers["x-amz-server-side-encryption"] = mode;
  if (keyId) headers["x-amz-server-side-encryption-aws-kms-key-id"] = keyId;
  return headers;
}
