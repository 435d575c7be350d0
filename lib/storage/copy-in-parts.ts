import { UploadPartCopyCommand } from "@aws-sdk/client-s3";
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, type StoredPart } from "./multipart";
import type { ObjectHead } from "./objects";
import { bucket, s3 } from "./s3";
import { storageCall } from "./storage-call";

/** S3's largest part, so the largest range one UploadPartCopy copies. */
const MAX_COPY_PART_BYTES = 5 * 1024 ** 3;

/** A key of the bucket as CopySource names it. */
export function copySource(key: string): string {
  return `${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/** The byte ranges of the parts, or one range-less part for an empty object. */
function ranges(size: number): Array<string | undefined> {
  if (size === 0) return [undefined];
  const count = Math.ceil(size / MAX_COPY_PART_BYTES);
  return Array.from({ length: count }, (_, i) => `bytes=${i * MAX_COPY_PART_BYTES}-${Math.min(size, (i + 1) * MAX_COPY_PART_BYTES) - 1}`);
}

/**
 * Copies `source` to `to` as a multipart upload of UploadPartCopy requests, which starts with the
 * configured encryption (createMultipartUpload): for stores whose CopyObject cannot copy an
 * encrypted object (radosgw 16). The copy's ETag is then a multipart one (`…-N`), no longer the
 * source's. radosgw 16 ignores x-amz-copy-source-if-match on UploadPartCopy, so for a source stored
 * in one PUT (its ETag is its MD5) the copied part's MD5 must be that ETag: false when it is not
 * (the source changed after `seen`) or when the source is gone. The S3 upload is aborted unless completed.
 */
export async function copyInParts(source: string, to: string, seen: ObjectHead & { etag: string }): Promise<boolean> {
  const uploadId = await createMultipartUpload(to, seen.contentType ?? "application/octet-stream");
  let completed = false;
  try {
    const parts: StoredPart[] = [];
    for (const [index, range] of ranges(seen.size).entries()) {
      const copied = await storageCall(
        () =>
          s3.send(
            new UploadPartCopyCommand({
              Bucket: bucket,
              Key: to,
              UploadId: uploadId,
              PartNumber: index + 1,
              CopySource: source,
              CopySourceIfMatch: `"${seen.etag}"`,
              CopySourceRange: range,
            }),
          ),
        { PreconditionFailed: () => null, NoSuchKey: () => null, NotFound: () => null },
      );
      const etag = copied?.CopyPartResult?.ETag?.replaceAll('"', "");
      if (!etag) return false;
      parts.push({ number: index + 1, size: -1, etag });
    }
    // A single PUT is at most 5 GiB: one part. (A store whose ETags are not MD5s never gets here: its CopyObject copies.)
    if (!seen.etag.includes("-") && parts[0].etag !== seen.etag) return false;
    await completeMultipartUpload(to, uploadId, parts);
    completed = true;
    return true;
  } finally {
    if (!completed) await abortMultipartUpload(to, uploadId);
  }
}
