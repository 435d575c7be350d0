#!/usr/bin/env node
// Bundles the browser's Web Workers into public/workers/ before `next build`: Turbopack copies a
// `new Worker(new URL(...))` target as a raw asset without bundling its imports (hash-wasm).
// The MD5 worker's multi-buffer module is generated and compiled here (lib/upload-client/md5/)
// and embedded in the bundle as bytes: no generated .wasm is kept in the repository.
import { build } from "esbuild";
import { compileMd5Wasm } from "../lib/upload-client/md5/compile-md5-wasm.ts";

const md5Wasm = await compileMd5Wasm();

await build({
  entryPoints: { md5: "lib/upload-client/md5.worker.ts" },
  outdir: "public/workers",
  bundle: true,
  format: "iife",
  target: "es2022",
  minify: true,
  logLevel: "warning",
  plugins: [
    {
      name: "md5-simd.wasm",
      setup(bundle) {
        bundle.onResolve({ filter: /^md5-simd\.wasm$/ }, ({ path }) => ({ path, namespace: "md5-wasm" }));
        bundle.onLoad({ filter: /.*/, namespace: "md5-wasm" }, () => ({ contents: md5Wasm, loader: "binary" }));
      },
    },
  ],
});
