export type Md5Impl = "simd" | "hash-wasm";

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]; // "\0asm", version 1
const TYPES = [0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b]; // one type: () -> v128
const FUNCTIONS = [0x03, 0x02, 0x01, 0x00]; // one function, of that type
const CODE = [0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...Array<number>(16).fill(0), 0x0b]; // its body: v128.const 0

/** The smallest module that needs WebAssembly SIMD: one function returning a v128.const. */
export const SIMD_PROBE = new Uint8Array([...HEADER, ...TYPES, ...FUNCTIONS, ...CODE]);

export const simdSupported = () => WebAssembly.validate(SIMD_PROBE);

/**
 * Multi-buffer SIMD where the browser has it, else hash-wasm. `forced` (the worker URL's
 * `?impl=`, for tests and the benchmark) picks one; a forced "simd" without SIMD fails to compile.
 */
export function chooseMd5(forced: string | null, simd: boolean): Md5Impl {
  if (forced === "simd" || forced === "hash-wasm") return forced;
  return simd ? "simd" : "hash-wasm";
}
