import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { copyInParts, copySource } from "./copy-in-parts";
import { bucket, s3 } from "./s3";
import { encryptionParams } from "./sse";
import { storageCall } from "./storage-call";

export interface ObjectHead {
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
  /** The server-side encryption the store reports (x-amz-server-side-encryption), if any. */
  sse: string | undefined;
  /** The KMS key it reports for aws:kms (an ARN on AWS). */
  kmsKeyId: string | undefined;
}

/** HeadObject, or null when the object does not exist. */
export function headObject(key: string): Promise<ObjectHead | null> {
  return storageCall(
    async () => {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      const etag = head.ETag?.replaceAll('"', "");
      return { size: head.ContentLength ?? -1, contentType: head.ContentType, etag, sse: head.ServerSideEncryption, kmsKeyId: head.SSEKMSKeyId };
    },
    { NotFound: () => null, NoSuchKey: () => null },
  );
}

/** Deletes an object; deleting one that is already gone succeeds, as on S3. */
export async function deleteObject(key: string): Promise<void> {
  await storageCall(() => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
}

/**
 * Copies `from` to `to` inside the bucket with the configured encryption, only if `from` still
 * has the ETag HeadObject just gave (`seen`): what was checked is what is copied. False when the
 * source changed or went away in between. A store whose CopyObject cannot copy an encrypted
 * object (radosgw 16 answers NotImplemented) copies it in parts instead.
 */
export async function copyObject(from: string, to: string, seen: ObjectHead & { etag: string }): Promise<boolean> {
  const source = copySource(from);
  const copied = await storageCall<boolean | "unsupported">(
    async () => {
      await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: source, CopySourceIfMatch: `"${seen.etag}"`, ACL: "private", ...encryptionParams() }));
      return true;
    },
    { PreconditionFailed: () => false, NoSuchKey: () => false, NotFound: () => false, NotImplemented: () => "unsupported" },
  );
  return copied === "unsupported" ? copyInParts(source, to, seen) : copied;
}

/**
 * Moves an object inside the bucket: a copy conditional on the ETag just seen, then the delete.
 * Safe to repeat after an interruption: once `from` is gone there is nothing left to move (false).
 */
export async function moveObject(from: string, to: string): Promise<boolean> {
  const head = await headObject(from);
  // A concurrent mover may delete `from` between our HEAD and our copy; then it has moved it.
  if (!head?.etag || !(await copyObject(from, to, { ...head, etag: head.etag }))) return false;
  await deleteObject(from);
  return true;
}

/** Bytes `start` to `end` (inclusive, as in an HTTP Range) of an object, or null when it does not exist. */
export function readObjectRange(key: string, start: number, end: number): Promise<Uint8Array | null> {
  return storageCall(
    async () => {
      const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end}` }));
      return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
    },
    // A range from byte 0 is unsatisfiable only for an empty object: it has no bytes to give.
    { NoSuchKey: () => null, NotFound: () => null, InvalidRange: () => new Uint8Array() },
  );
}

/**
 * The whole object as a stream of chunks, only if it still has the ETag `ifMatch` (what was
 * verified is what is read); null when it is gone or changed.
 */
export function readObjectStream(key: string, ifMatch: string | null): Promise<AsyncIterable<Uint8Array> | null> {
  return storageCall(
    async () => {
      const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: ifMatch ? `"${ifMatch}"` : undefined }));
      return (answer.Body as AsyncIterable<Uint8Array> | undefined) ?? null;
    },
    { NoSuchKey: () => null, NotFound: () => null, PreconditionFailed: () => null },
  );
}

/** Stores a small object Slipway made itself (a thumbnail), encrypted as configured. */
export async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await storageCall(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ACL: "private", ...encryptionParams() })));
}

/** Every object under `prefix`, a page at a time. */
export async function* listObjects(prefix: string): AsyncGenerator<Array<{ key: string; lastModified: Date }>> {
  let token: string | undefined;
  do {
    const page = await storageCall(() => s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })));
    yield (page.Contents ?? []).flatMap(({ Key: key, LastModified: lastModified }) => (key ? [{ key, lastModified: lastModified ?? new Date(0) }] : []));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Throws unless the bucket answers; for the health check. */
export async function pingBucket(): Promise<void> {
  await s3.send(new HeadBucketCommand({ Bucket: bucket }));
}
