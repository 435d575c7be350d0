import { createMD5 } from "hash-wasm";

const CHUNK = 4 * 1024 * 1024;

/**
 * MD5s with hash-wasm's single-stream WebAssembly MD5, for browsers without WebAssembly SIMD:
 * one Blob at a time (the hasher is reused), read in 4 MiB chunks so none sits in memory whole.
 */
export function hashWasmMd5(): (blob: Blob) => Promise<Uint8Array> {
  const hasher = createMD5();
  let queue: Promise<unknown> = Promise.resolve();
  return (blob) => {
    const digest = queue.then(async () => {
      const md5 = await hasher;
      md5.init();
      for (let offset = 0; offset < blob.size; offset += CHUNK) {
        md5.update(new Uint8Array(await blob.slice(offset, offset + CHUNK).arrayBuffer()));
      }
      return md5.digest("binary");
    });
    queue = digest.catch(() => undefined);
    return digest;
  };
}
