#!/usr/bin/env node
// Bundles the browser's Web Workers into public/workers/ before `next build`: Turbopack copies a
// `new Worker(new URL(...))` target as a raw asset without bundling its imports (hash-wasm).
import { build } from "esbuild";

await build({
  entryPoints: { md5: "lib/upload-client/md5.worker.ts" },
  outdir: "public/workers",
  bundle: true,
  format: "iife",
  target: "es2022",
  minify: true,
  logLevel: "warning",
});
