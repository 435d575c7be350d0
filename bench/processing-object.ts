import { createHash, randomBytes, randomFillSync, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { Upload } from "@aws-sdk/lib-storage";
import { deleteObject, headObject } from "../lib/storage/objects";
import { bucket, s3 } from "../lib/storage/s3";

// clamd caches the MD5 of every clean file and answers a second scan of the same bytes from the
// cache (a 1 GiB file: ~18 s of scanning the first time, ~2 s of hashing after). Every scanned
// pass therefore gets its own variant of one random file: the same bytes but for a fresh random
// tag in the first TAG_BYTES, so clamd does the same work as for a new upload.

export interface BenchObject {
  key: string;
  etag: string;
  size: number;
  sha256: string;
}

const MiB = 1024 ** 2;
const PART_BYTES = 16 * MiB;
const TAG_BYTES = 16;

/** `size` random bytes (nothing for clamd to recognise or unpack) in `dir`/object.bin. */
export async function writeRandomFile(dir: string, size: number): Promise<string> {
  const file = path.join(dir, "object.bin");
  const handle = await open(file, "w");
  try {
    const block = Buffer.alloc(PART_BYTES);
    for (let written = 0; written < size;) {
      const piece = block.subarray(0, Math.min(PART_BYTES, size - written));
      randomFillSync(piece);
      await handle.write(piece);
      written += piece.length;
    }
  } finally {
    await handle.close();
  }
  return file;
}

/** The file's bytes with a fresh random tag in place of its first bytes, read `chunkBytes` at a time. */
export async function* variantChunks(file: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  yield randomBytes(TAG_BYTES);
  yield* createReadStream(file, { start: TAG_BYTES, highWaterMark: chunkBytes });
}

/** Stores a fresh variant of `file` in the bucket (multipart, like a big upload); its key goes into `created` first. */
export async function putVariant(file: string, size: number, created: Set<string>): Promise<BenchObject> {
  const hash = createHash("sha256");
  async function* hashed() {
    for await (const chunk of variantChunks(file, PART_BYTES)) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const key = `bench/processing/${randomUUID()}.bin`;
  created.add(key);
  await new Upload({
    client: s3,
    params: { Bucket: bucket, Key: key, Body: Readable.from(hashed()), ContentType: "application/octet-stream" },
    partSize: PART_BYTES,
    queueSize: 4,
    leavePartsOnError: false,
  }).done();
  const head = await headObject(key);
  if (!head?.etag || head.size !== size) throw new Error(`the bench object ${key} was not stored whole (${JSON.stringify(head)})`);
  return { key, etag: head.etag, size, sha256: hash.digest("hex") };
}

/** Deletes the objects (deleting one that is gone succeeds) and forgets them. */
export async function deleteBenchObjects(created: Set<string>): Promise<void> {
  for (const key of created) {
    await deleteObject(key);
    created.delete(key);
  }
}
