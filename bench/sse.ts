/**
 * What server-side encryption costs on the store, through Slipway's own storage calls: a PUT, a
 * full GET and a server-side copy of one object, `BENCH_SSE_ROUNDS` times (median), with the
 * encryption S3_SSE configures. Run it once per setting and compare (docs/api.md "Encryption at rest"):
 *
 *   S3_BUCKET=slipway-test bash scripts/tsx-server.sh bench/sse.ts
 *   S3_BUCKET=slipway-test S3_SSE=aws:kms S3_SSE_KMS_KEY_ID=slipway-local bash scripts/tsx-server.sh bench/sse.ts
 *
 * Against the local radosgw (scripts/object-store.sh, whose testing KMS holds `slipway-local`);
 * objects go under bench/sse/ and are deleted afterwards.
 */
import { randomBytes } from "node:crypto";
import { env } from "../lib/env";
import { copyObject, deleteObject, headObject, putObject, readObjectStream } from "../lib/storage/objects";
import { must } from "../tests/support/must";
import { median, round } from "./stats";

const mib = Number(process.env.BENCH_SSE_MIB ?? 256);
const rounds = Number(process.env.BENCH_SSE_ROUNDS ?? 3);

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return (performance.now() - started) / 1000;
}

async function drain(key: string): Promise<void> {
  for await (const chunk of must(await readObjectStream(key, null), `object ${key}`)) void chunk;
}

async function main() {
  const body = randomBytes(mib * 1024 ** 2);
  const seconds = { put: [] as number[], get: [] as number[], copy: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const key = `bench/sse/${Date.now()}-${round}.bin`;
    seconds.put.push(await timed(() => putObject(key, body, "application/octet-stream")));
    seconds.get.push(await timed(() => drain(key)));
    const head = must(await headObject(key), "the object");
    seconds.copy.push(await timed(async () => must(await copyObject(key, `${key}.copy`, { ...head, etag: must(head.etag, "an ETag") }), "a copy")));
    const copied = must(await headObject(`${key}.copy`), "the copy");
    if (round === 0) console.log(`S3_SSE=${env.S3_SSE}: the object reports ${head.sse ?? "no encryption"}, its copy ${copied.sse ?? "none"} (ETag ${copied.etag})`);
    await Promise.all([deleteObject(key), deleteObject(`${key}.copy`)]);
  }
  const rate = (values: number[]) => `${round(median(values), 3)} s (${round(mib / median(values), 0)} MiB/s)`;
  console.log(`${mib} MiB, median of ${rounds}: PUT ${rate(seconds.put)}, GET ${rate(seconds.get)}, copy ${rate(seconds.copy)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
