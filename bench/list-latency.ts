// Latency of one S3 listing call (ListMultipartUploads, as the admin stats make) through the
// app's own client, kept-alive connection included: `bash scripts/tsx-server.sh bench/list-latency.ts`
// with the S3_* variables of the store to measure. docs/performance.md has the figures that made
// the local store set tcp_nodelay (a 40 ms stall per response with a body without it).
import { countMultipartUploads } from "@/lib/storage/multipart";

const RUNS = 30;
const samples: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  await countMultipartUploads("", 1000);
  samples.push(performance.now() - started);
}
samples.sort((a, b) => a - b);
const at = (p: number) => samples[Math.min(RUNS - 1, Math.ceil((p / 100) * RUNS) - 1)].toFixed(1);
console.log(`ListMultipartUploads, ${RUNS} calls, Node ${process.versions.node}: p50 ${at(50)} ms, p95 ${at(95)} ms`);
