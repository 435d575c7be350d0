/// <reference lib="webworker" />
import { createMD5 } from "hash-wasm";

// Hashes Blobs off the main thread with hash-wasm's WebAssembly MD5, in 4 MiB reads so a
// part of any size never sits in memory whole. One hash at a time: the hasher is reused.
const CHUNK = 4 * 1024 * 1024;
const hasher = createMD5();
let queue: Promise<void> = Promise.resolve();

async function md5Base64(blob: Blob): Promise<string> {
  const md5 = await hasher;
  md5.init();
  for (let offset = 0; offset < blob.size; offset += CHUNK) {
    md5.update(new Uint8Array(await blob.slice(offset, offset + CHUNK).arrayBuffer()));
  }
  const digest = md5.digest("binary");
  return btoa(String.fromCharCode(...digest));
}

self.onmessage = (event: MessageEvent<{ id: number; blob: Blob }>) => {
  const { id, blob } = event.data;
  queue = queue.then(async () => {
    try {
      self.postMessage({ id, md5: await md5Base64(blob) });
    } catch (error) {
      self.postMessage({ id, error: String(error) });
    }
  });
};
