import { createHash } from "node:crypto";
import { HttpError } from "../errors";
import { completeMultipartUpload, listParts, type StoredPart } from "../storage/multipart";
import type { MultipartSlot } from "./multipart-slot";
import { partLength } from "./plan-upload";

/** S3's ETag for a multipart object: md5 of the concatenated part MD5s, then "-" and the count. */
function multipartEtag(partEtags: string[]): string {
  const digest = createHash("md5");
  for (const etag of partEtags) digest.update(Buffer.from(etag, "hex"));
  return `${digest.digest("hex")}-${partEtags.length}`;
}

function checkAgainstPlan(upload: MultipartSlot, parts: StoredPart[]): void {
  const size = Number(upload.size);
  const { partSize } = upload;
  const byNumber = new Map(parts.map((part) => [part.number, part]));
  const missing: number[] = [];
  const wrongSize: number[] = [];
  for (let number = 1; number <= upload.partCount; number++) {
    const part = byNumber.get(number);
    if (!part) missing.push(number);
    else if (part.size !== partLength(size, partSize, number)) wrongSize.push(number);
  }
  if (missing.length) {
    const shown = missing.slice(0, 20).join(", ") + (missing.length > 20 ? ` and ${missing.length - 20} more` : "");
    throw new HttpError({ code: "parts_missing", message: `${missing.length} part(s) are not uploaded yet: ${shown}.`, details: { missing } });
  }
  if (wrongSize.length) throw new HttpError({ code: "part_size_mismatch", message: `Part(s) ${wrongSize.join(", ")} do not have the planned size.`, details: { wrongSize } });
}

/**
 * Checks ListParts (every page) against the plan, asks S3 to assemble the object, and returns
 * the ETag the object must then carry. Null when S3 no longer knows the upload (an earlier
 * completion may have assembled it already).
 */
export async function assembleMultipart(upload: MultipartSlot): Promise<{ expectedEtag: string } | null> {
  const parts = await listParts(upload.key, upload.s3UploadId);
  if (!parts) return null;
  checkAgainstPlan(upload, parts);
  const planned = parts.filter((part) => part.number <= upload.partCount).sort((a, b) => a.number - b.number);
  await completeMultipartUpload(upload.key, upload.s3UploadId, planned);
  return { expectedEtag: multipartEtag(planned.map((part) => part.etag)) };
}
