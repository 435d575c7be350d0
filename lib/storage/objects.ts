import { CopyObjectCommand, DeleteObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { bucket, s3 } from "./s3";
import { storageCall } from "./storage-call";

export interface ObjectHead {
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
}

/** HeadObject, or null when the object does not exist. */
export function headObject(key: string): Promise<ObjectHead | null> {
  return storageCall(
    async () => {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? -1, contentType: head.ContentType, etag: head.ETag?.replaceAll('"', "") };
    },
    { NotFound: () => null, NoSuchKey: () => null },
  );
}

/** Deletes an object; deleting one that is already gone succeeds, as on S3. */
export async function deleteObject(key: string): Promise<void> {
  await storageCall(() => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
}

/**
 * Copies `from` to `to` inside the bucket, only if `from` still has the ETag `ifMatch`: what was
 * checked is what is copied. False when the source changed or went away in between.
 */
export function copyObject(from: string, to: string, ifMatch: string): Promise<boolean> {
  const source = `${bucket}/${from.split("/").map(encodeURIComponent).join("/")}`;
  return storageCall(
    async () => {
      await s3.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: source, CopySourceIfMatch: `"${ifMatch}"`, ACL: "private" }));
      return true;
    },
    { PreconditionFailed: () => false, NoSuchKey: () => false, NotFound: () => false },
  );
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
