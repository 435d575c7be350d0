import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { AbortMultipartUploadCommand, DeleteObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { bucket, s3 } from "../lib/storage/s3";
import { config } from "./config";

const run = promisify(execFile);

/**
 * Frees deleted objects now. radosgw only queues deleted data and frees it after ~2 h; without
 * this, every GiB uploaded stays on the OSD for the whole run and later uploads compete with
 * a filling store.
 */
export async function collectGarbage(): Promise<void> {
  await run("bash", ["scripts/object-store.sh", "gc"], { env: { ...process.env, SLIPWAY_DATA_DIR: config.storeDir } });
}

/** Deletes every object and aborts every unfinished multipart upload in the bench bucket. */
export async function emptyBucket(): Promise<number> {
  let removed = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));
      removed += 1;
    }
    token = page.NextContinuationToken;
  } while (token);
  const open = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  for (const upload of open.Uploads ?? []) {
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }));
    removed += 1;
  }
  return removed;
}
