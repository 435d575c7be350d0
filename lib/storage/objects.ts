import { DeleteObjectCommand, HeadBucketCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
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

/** Throws unless the bucket answers; for the health check. */
export async function pingBucket(): Promise<void> {
  await s3.send(new HeadBucketCommand({ Bucket: bucket }));
}
