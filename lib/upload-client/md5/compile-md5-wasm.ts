// The MD5 module's bytes from the WAT md5-wat.ts writes, with wabt (a devDependency: only the
// build, scripts/build-workers.mjs, and the unit tests compile it; the worker gets the bytes).
import wabt from "wabt";
import { md5Wat } from "./md5-wat.ts";

export async function compileMd5Wasm(): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = (await wabt()).parseWat("md5.wat", md5Wat(), { simd: true });
  try {
    parsed.validate();
    return new Uint8Array(parsed.toBinary({}).buffer); // a copy: wabt's view is of its own heap
  } finally {
    parsed.destroy();
  }
}
