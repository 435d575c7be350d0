/** The MD5 module's bytes (md5-wat.ts, compiled into the worker bundle by scripts/build-workers.mjs). */
declare module "md5-simd.wasm" {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
