import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, ListMultipartUploadsCommand, ListPartsCommand } from "@aws-sdk/client-s3";
import { bucket, s3 } from "./s3";
import { encryptionParams } from "./sse";
import { storageCall } from "./storage-call";

export interface StoredPart {
  number: number;
  size: number;
  etag: string;
}

/** Starts a multipart upload with the configured encryption: its parts, and so the object, inherit it. */
export async function createMultipartUpload(key: string, contentType: string): Promise<string> {
  const { UploadId } = await storageCall(() => s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType, ...encryptionParams() })));
  if (!UploadId) throw new Error("CreateMultipartUpload answered without an UploadId");
  return UploadId;
}

/** Every uploaded part, following ListParts' pages; null when S3 no longer knows the upload. */
export async function listParts(key: string, uploadId: string, pageSize = 1000): Promise<StoredPart[] | null> {
  const parts: StoredPart[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await storageCall(
      () => s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker, MaxParts: pageSize })),
      // radosgw 16 answers NoSuchKey for an unknown or aborted upload id; S3 answers NoSuchUpload.
      { NoSuchUpload: () => null, NoSuchKey: () => null },
    );
    if (!page) return null;
    for (const part of page.Parts ?? []) {
      if (part.PartNumber !== undefined) parts.push({ number: part.PartNumber, size: part.Size ?? -1, etag: (part.ETag ?? "").replaceAll('"', "") });
    }
    if (!page.IsTruncated) return parts;
    marker = page.NextPartNumberMarker;
  }
}

export async function completeMultipartUpload(key: string, uploadId: string, parts: StoredPart[]): Promise<void> {
  await storageCall(() =>
    s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((part) => ({ PartNumber: part.number, ETag: `"${part.etag}"` })) },
      }),
    ),
  );
}

/** Aborts an unfinished multipart upload; one S3 no longer knows is already gone. */
export async function abortMultipartUpload(key: string, uploadId: string): Promise<void> {
  await storageCall(() => s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })), {
    NoSuchUpload: () => undefined,
  });
}

export interface OpenMultipartUpload {
  key: string;
  uploadId: string;
  initiated: Date;
}

/** Every unfinished multipart upload under `prefix`, one ListMultipartUploads page at a time. */
export async function* listMultipartUploads(prefix: string): AsyncGenerator<OpenMultipartUpload[]> {
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    const page = await storageCall(() => s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker })));
    yield (page.Uploads ?? []).flatMap(({ Key: key, UploadId: uploadId, Initiated: initiated }) =>
      key && uploadId ? [{ key, uploadId, initiated: initiated ?? new Date(0) }] : [],
    );
    if (!page.IsTruncated) return;
    keyMarker = page.NextKeyMarker;
    uploadIdMarker = page.NextUploadIdMarker;
  }
}

/** Unfinished multipart uploads under `prefix`, counted on one ListMultipartUploads page of up to `max`; `more` when S3 has further pages. */
export async function countMultipartUploads(prefix: string, max = 1000): Promise<{ count: number; more: boolean }> {
  const page = await storageCall(() => s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix, MaxUploads: max })));
  return { count: page.Uploads?.length ?? 0, more: page.IsTruncated === true };
}
