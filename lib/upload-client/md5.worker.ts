/// <reference lib="webworker" />
import md5Wasm from "md5-simd.wasm";
import { chooseMd5, simdSupported } from "./md5/choose-md5";
import { hashWasmMd5 } from "./md5/hash-wasm-md5";
import { Md5Lanes, type Md5Wasm } from "./md5/md5-lanes";

// Hashes Blobs off the main thread: {id, blob} in, {id, md5} (base64) or {id, error} out, each
// reply also saying which implementation ran (`impl`, for the e2e and the benchmark). Blobs are
// hashed side by side (up to 8 at once with SIMD), so replies may come in any order.
const impl = chooseMd5(new URLSearchParams(self.location.search).get("impl"), simdSupported());
const digest = impl === "simd" ? simdMd5() : hashWasmMd5();

function simdMd5(): (blob: Blob) => Promise<Uint8Array> {
  const lanes = WebAssembly.instantiate(md5Wasm).then(({ instance }) => new Md5Lanes(instance.exports as unknown as Md5Wasm));
  return async (blob) => (await lanes).digest(blob);
}

self.onmessage = async (event: MessageEvent<{ id: number; blob: Blob }>) => {
  const { id, blob } = event.data;
  try {
    self.postMessage({ id, md5: btoa(String.fromCharCode(...(await digest(blob)))), impl });
  } catch (error) {
    self.postMessage({ id, error: String(error), impl });
  }
};
