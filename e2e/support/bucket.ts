import { createHash } from "node:crypto";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NotFound } from "@aws-sdk/client-s3";
import { s3 } from "../../lib/storage/s3";
import { must } from "../../tests/support/must";
import { e2eServer } from "./server";

export const sha256 = (bytes: Buffer | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The key of an upload's object under `prefix` (u/, or quarantine/u/), found by its id inside the server-chosen key. */
export async function objectKeyOf(uploadId: string, prefix = "u/"): Promise<string | undefined> {
  const depth = prefix.split("/").length; // the id is the third segment of u/<userId>/<uploadId>/<name>
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: e2eServer.bucket, Prefix: prefix, ContinuationToken: token }));
    const match = page.Contents?.find((object) => object.Key?.split("/")[depth] === uploadId);
    if (match?.Key) return match.Key;
    token = page.NextContinuationToken;
  } while (token);
  return undefined;
}

/** Whether HeadObject finds `key` in the test bucket. */
export async function objectExists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: e2eServer.bucket, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof NotFound || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/** sha256 of the stored object of an upload. */
export async function storedSha256(uploadId: string): Promise<string> {
  const key = must(await objectKeyOf(uploadId), `an object for upload ${uploadId}`);
  const object = await s3.send(new GetObjectCommand({ Bucket: e2eServer.bucket, Key: key }));
  return sha256(await must(object.Body, `a body for ${key}`).transformToByteArray());
}

/** How the store reports an upload's object is encrypted (the e2e server asks for SSE-KMS). */
export async function storedEncryption(uploadId: string): Promise<{ sse?: string; keyId?: string }> {
  const key = must(await objectKeyOf(uploadId), `an object for upload ${uploadId}`);
  const head = await s3.send(new HeadObjectCommand({ Bucket: e2eServer.bucket, Key: key }));
  return { sse: head.ServerSideEncryption, keyId: head.SSEKMSKeyId };
}
