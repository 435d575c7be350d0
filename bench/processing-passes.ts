import { type ClamdOptions, openClamdScan } from "../lib/processing/clamd-client";
import { readObjectFacts } from "../lib/processing/read-object-facts";
import { readObjectStream } from "../lib/storage/objects";
import { type CpuPids, type CpuSeconds, watchCpu } from "./processing-cpu";
import { type BenchObject, variantChunks } from "./processing-object";

// The passes the processing benchmark times, each on its own variant of one random file (see
// processing-object.ts): (a) a bare S3 GET to nowhere,
// (b) clamd INSTREAM of a local copy, (c) the worker's own pass (readObjectFacts on the S3
// stream, clamd on), and (c+) the same with the S3 chunks coalesced first (a candidate fix).

export interface PassSample {
  seconds: number;
  mibPerSecond: number;
  /** Until the last byte was read (and, with clamd, written to it); the rest is clamd scanning after the end of the stream. */
  streamedSeconds: number;
  chunks: number;
  meanChunkKiB: number;
  cpu: CpuSeconds;
  /** This process's minor page faults: fresh memory the kernel had to map (and zero) for it. */
  pageFaults: number;
}

export interface PassContext {
  clamd: ClamdOptions;
  pids: CpuPids;
}

const MiB = 1024 ** 2;

/** Counts what goes through, and when the last chunk came. */
class Meter {
  chunks = 0;
  bytes = 0;
  lastAt = performance.now();
  async *count(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      this.chunks += 1;
      this.bytes += chunk.byteLength;
      yield chunk;
    }
    this.lastAt = performance.now();
  }
}

/** Chunks of at least `bytes` (the last one may be shorter): one clamd write, one event-loop turn per `bytes` instead of per socket read. */
export async function* coalesce(source: AsyncIterable<Uint8Array>, bytes: number): AsyncGenerator<Uint8Array> {
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const chunk of source) {
    held.push(chunk);
    heldBytes += chunk.byteLength;
    if (heldBytes < bytes) continue;
    yield Buffer.concat(held, heldBytes);
    held = [];
    heldBytes = 0;
  }
  if (heldBytes) yield Buffer.concat(held, heldBytes);
}

async function timed(context: PassContext, size: number, run: (meter: Meter) => Promise<void>): Promise<PassSample> {
  const meter = new Meter();
  const cpu = watchCpu(context.pids);
  const faults = process.resourceUsage().minorPageFault;
  const started = performance.now();
  await run(meter);
  const seconds = (performance.now() - started) / 1000;
  if (meter.bytes !== size) throw new Error(`read ${meter.bytes} of ${size} bytes`);
  return {
    seconds,
    mibPerSecond: size / MiB / seconds,
    streamedSeconds: (meter.lastAt - started) / 1000,
    chunks: meter.chunks,
    meanChunkKiB: size / meter.chunks / 1024,
    cpu: cpu.stop(),
    pageFaults: process.resourceUsage().minorPageFault - faults,
  };
}

async function objectChunks(object: BenchObject): Promise<AsyncIterable<Uint8Array>> {
  const chunks = await readObjectStream(object.key, object.etag);
  if (!chunks) throw new Error(`the bench object ${object.key} is gone`);
  return chunks;
}

/** (a) GetObject through the app's client, every chunk dropped. */
export function bareGet(context: PassContext, object: BenchObject): Promise<PassSample> {
  return timed(context, object.size, async (meter) => {
    for await (const chunk of meter.count(await objectChunks(object))) void chunk;
  });
}

/** (b) A fresh variant of the local file through the app's clamd client, read `chunkBytes` at a time. */
export function clamdLocal(context: PassContext, file: string, size: number, chunkBytes: number): Promise<PassSample> {
  return timed(context, size, async (meter) => {
    const scan = await openClamdScan(context.clamd);
    for await (const chunk of meter.count(variantChunks(file, chunkBytes))) await scan.write(chunk);
    const result = await scan.finish();
    if (result.verdict !== "clean") throw new Error(`clamd said ${JSON.stringify(result)} of random bytes`);
  });
}

/** (c) The worker's pass; with `coalesceBytes`, the S3 chunks are joined to that size before it sees them. */
export function processObject(context: PassContext, object: BenchObject, coalesceBytes: number | null): Promise<PassSample> {
  return timed(context, object.size, async (meter) => {
    const counted = meter.count(await objectChunks(object));
    const facts = await readObjectFacts(
      { chunks: coalesceBytes ? coalesce(counted, coalesceBytes) : counted, size: object.size, name: "bench.bin", declaredType: "application/octet-stream" },
      { clamd: context.clamd, maxScanBytes: object.size, thumbnail: { maxBytes: 64 * MiB, maxPixels: 100_000_000, maxEdge: 320 } },
    );
    if (facts.scan?.verdict !== "clean") throw new Error(`processing said ${JSON.stringify(facts.scan)} of random bytes`);
    if (facts.sha256 !== object.sha256) throw new Error(`processing computed sha256 ${facts.sha256}, not ${object.sha256}`);
  });
}
