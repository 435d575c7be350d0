import type { Page } from "@playwright/test";

// The bytes every upload in the benchmark sends, made the same way in Node and in the page.
//
// Why not e2e's makePageFile (one pseudo-random ArrayBuffer the size of the file)? Chromium
// keeps in-page Blobs in memory and refuses to read them back once they pass a few hundred MiB
// ("NotReadableError"), so a 1 GiB file made that way cannot be uploaded. Instead a pool of
// POOL_CHUNKS distinct pseudo-random 1 MiB chunks (xorshift32, fixed seed) is repeated to the
// wanted size: the File is a list of references to those chunk Blobs and costs 67 MiB whatever
// its size. 67 is prime, so with 16 MiB parts the first 67 parts (1,072 MiB) all differ; nothing
// between the browser and the disks deduplicates or compresses anyway.

const CHUNK = 1024 ** 2;
const POOL_CHUNKS = 67;
const SEED = 42;

/** Fills `words` with xorshift32 output, continuing from `state`; returns the new state. */
function xorshift(words: Uint32Array, state: number): number {
  let x = state;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return x;
}

function poolBytes(): Buffer<ArrayBuffer> {
  const pool = new Uint32Array((POOL_CHUNKS * CHUNK) / 4);
  xorshift(pool, SEED);
  return Buffer.from(pool.buffer);
}

/** The file as one Node Buffer (for the lib-storage baseline, which is given a Buffer). */
export function fileBuffer(size: number): Buffer {
  const pool = poolBytes();
  const out = Buffer.allocUnsafe(size);
  for (let offset = 0; offset < size; offset += pool.length) pool.copy(out, offset, 0, Math.min(pool.length, size - offset));
  return out;
}

let chunkBlobs: Blob[] | undefined;

/**
 * The same bytes as a Node File whose parts are references to the pool's chunk Blobs, as in the
 * page: many concurrent large uploads from one Node process cost 67 MiB in all.
 */
export function fileBlob(name: string, size: number): File {
  if (!chunkBlobs) {
    const pool = poolBytes();
    chunkBlobs = Array.from({ length: POOL_CHUNKS }, (_, c) => new Blob([pool.subarray(c * CHUNK, (c + 1) * CHUNK)]));
  }
  const parts: Blob[] = [];
  for (let offset = 0, c = 0; offset < size; offset += CHUNK, c = (c + 1) % POOL_CHUNKS) {
    parts.push(size - offset >= CHUNK ? chunkBlobs[c] : chunkBlobs[c].slice(0, size - offset));
  }
  return new File(parts, name, { type: "application/octet-stream", lastModified: 1_700_000_000_000 });
}

/**
 * Makes the same file inside the page as `window.benchFiles[name]` (a File), ready to be dropped
 * or sliced. Takes a second or two: do it before the clock starts.
 */
export async function makeFileInPage(page: Page, name: string, size: number): Promise<void> {
  // page.evaluate ships the function's source to the page, so it repeats xorshift() inline.
  await page.evaluate(
    ({ name, size, chunk, poolChunks, seed }) => {
      const chunks: Blob[] = [];
      let x = seed;
      for (let c = 0; c < poolChunks; c++) {
        const words = new Uint32Array(chunk / 4);
        for (let i = 0; i < words.length; i++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          words[i] = x >>> 0;
        }
        chunks.push(new Blob([words]));
      }
      const parts: Blob[] = [];
      for (let offset = 0, c = 0; offset < size; offset += chunk, c = (c + 1) % poolChunks) {
        parts.push(size - offset >= chunk ? chunks[c] : chunks[c].slice(0, size - offset));
      }
      const files = ((window as unknown as { benchFiles?: Record<string, File> }).benchFiles ??= {});
      files[name] = new File(parts, name, { type: "application/octet-stream", lastModified: 1_700_000_000_000 });
    },
    { name, size, chunk: CHUNK, poolChunks: POOL_CHUNKS, seed: SEED },
  );
}
