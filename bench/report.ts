import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LinkLatencyResult, LoadSample } from "./link-latency";
import type { HashSpeed, Md5Impl } from "./md5-speed";
import type { CpuShare } from "./processes";
import type { RssResult } from "./server-rss";
import { median, round } from "./stats";
import { medianSample, ratio, speed } from "./upload-stats";
import { summarizeUplinks, uplinkMarkdown, type UplinkEntry } from "./uplink-report";

export interface UploadSample {
  seconds: number;
  mibPerSecond: number;
  cpu: CpuShare;
  /** /uploads page only: the app's API calls during the upload, by route. */
  apiCalls?: Record<string, number>;
}

export interface Results {
  settings: Record<string, unknown>;
  libStorage: UploadSample[];
  bare: UploadSample[];
  /** The /uploads page with its defaults (MD5 on, default concurrency). */
  ours: UploadSample[];
  oursMd5Off: UploadSample[];
  /** The /uploads page by `?concurrency=`; the default's entry is the `ours` samples. */
  byConcurrency: Record<string, UploadSample[]>;
  /** The same with `?md5=off`; the default's entry is the `oursMd5Off` samples. */
  byConcurrencyMd5Off: Record<string, UploadSample[]>;
  /** Extra runs with the app restarted at other MULTIPART_PART_BYTES (MiB → samples), if any. */
  byPartSize: Record<string, { ours: UploadSample[]; libStorage: UploadSample[] }>;
  /** One MD5 worker hashing the file alone, forced to each implementation (diagnostic for b). */
  md5Hashing: Array<Record<Md5Impl, HashSpeed>>;
  signParts: Array<{ medianMs: number; p95Ms: number; samplesMs: number[] }>;
  serverRss: Array<RssResult & { upload: UploadSample }>;
  /** (e) Share-link redirect latency, one entry per run (absent from files of older benchmarks). */
  linkLatency?: LinkLatencyResult[];
  /** BENCH_SUITE=uplink: the uploads behind each emulated uplink. */
  uplink?: UplinkEntry[];
}

const mid = <T>(items: T[], pick: (item: T) => number) => median(items.map(pick));

/**
 * (e) The run whose redirect p99 is the median (the lower middle one for an even count), with
 * its own ratios: latencies and rates of one run belong together.
 */
function summarizeLinks(runs: LinkLatencyResult[]) {
  const run = [...runs].sort((a, b) => a.redirect.p99Ms - b.redirect.p99Ms)[Math.floor((runs.length - 1) / 2)];
  if (!run) return null;
  return {
    ...run,
    ratios: {
      p99VsBaseline: round(run.redirect.p99Ms / run.baseline.p99Ms, 2),
      throughputVsBaseline: round(run.redirect.requestsPerSecond / run.baseline.requestsPerSecond, 2),
    },
  };
}

/** The figures the targets are about: speeds are medians over the runs, ratios medians of per-run ratios. */
export function summarize(results: Results) {
  const ours = speed(results.ours);
  const lib = speed(results.libStorage);
  const bare = speed(results.bare);
  const md5Off = speed(results.oursMd5Off);
  return {
    mibPerSecond: { ours, libStorage: lib, bare, oursMd5Off: md5Off },
    ratios: {
      oursVsLibStorage: ratio(results.ours, results.libStorage),
      bareVsLibStorage: ratio(results.bare, results.libStorage),
      oursVsBare: ratio(results.ours, results.bare),
      md5OnVsOff: ratio(results.ours, results.oursMd5Off),
    },
    byConcurrency: Object.fromEntries(
      Object.entries(results.byConcurrency).map(([c, samples]) => [c, { md5On: speed(samples), md5Off: speed(results.byConcurrencyMd5Off?.[c] ?? []) }]),
    ),
    byPartSize: {
      [String(results.settings.partMiB)]: { ours, libStorage: lib },
      ...Object.fromEntries(Object.entries(results.byPartSize ?? {}).map(([mib, runs]) => [mib, { ours: speed(runs.ours), libStorage: speed(runs.libStorage) }])),
    },
    md5Hashing: {
      hashWasm: mid(results.md5Hashing ?? [], (r) => r["hash-wasm"].mibPerSecond),
      simd: mid(results.md5Hashing ?? [], (r) => r.simd.mibPerSecond),
      simdVsHashWasm: mid(results.md5Hashing ?? [], (r) => r.simd.mibPerSecond / r["hash-wasm"].mibPerSecond),
    },
    signParts: { medianMs: mid(results.signParts, (r) => r.medianMs), p95Ms: mid(results.signParts, (r) => r.p95Ms) },
    serverRss: {
      beforeMiB: mid(results.serverRss, (r) => r.beforeMiB),
      afterMiB: mid(results.serverRss, (r) => r.afterMiB),
      peakMiB: mid(results.serverRss, (r) => r.peakMiB),
      growthMiB: mid(results.serverRss, (r) => r.growthMiB),
    },
    linkLatency: summarizeLinks(results.linkLatency ?? []),
    uplink: summarizeUplinks(results.uplink ?? []),
  };
}

const check = (ok: boolean) => (ok ? "ok" : "**missed**");

/** The upload tables, the uplinks', then (e); any may be missing (BENCH_SUITE=links has no uploads). */
export function markdown(results: Results): string {
  const parts = results.ours.length ? [uploadMarkdown(results)] : [];
  if (results.uplink?.length) parts.push(uplinkMarkdown(results.uplink, results.settings));
  const linkRuns = results.linkLatency ?? [];
  const links = summarizeLinks(linkRuns);
  if (links) parts.push(linkMarkdown(links, linkRuns.length, results.settings));
  return parts.join("\n\n");
}

/** p99 target of the share-link redirect under load (issue 4). */
const LINK_P99_TARGET_MS = 20;

function linkMarkdown(s: NonNullable<ReturnType<typeof summarizeLinks>>, runs: number, settings: Results["settings"]): string {
  const ms = (value: number) => round(value, 1).toFixed(1);
  // Everything but the app and autocannon: the object store, an idle Chromium, other people's jobs.
  const rest = (cpu: CpuShare) => Object.entries(cpu).reduce((sum, [group, value]) => (group === "next" || group === "bench (node)" ? sum : sum + value), 0);
  const row = (path: string, sample: LoadSample) =>
    `| GET ${path} → ${Object.keys(sample.statusCodes).join(", ")} | ${sample.connections} | ${ms(sample.p50Ms)} | ${ms(sample.p90Ms)} | ${ms(sample.p99Ms)} | ` +
    `${ms(sample.maxMs)} | ${Math.round(sample.requestsPerSecond)} | ${sample.requests} in ${sample.seconds} s | ${Math.round(sample.firstAnswerMaxMs)} | ` +
    `${sample.cpu.next} | ${sample.cpu["bench (node)"]} | ${rest(sample.cpu)} |`;
  const met = s.redirect.p99Ms < LINK_P99_TARGET_MS;
  return [
    `(e) Share-link redirect, closed loop (autocannon, redirects not followed); run with the median redirect p99 of ${runs}; ` +
      `machine ${settings.busyBefore}% busy (of one core) before the benchmark started; Node ${settings.node}`,
    "",
    "| Request | Connections | p50 ms | p90 ms | p99 ms | max ms | req/s | Measured | Slowest first answer ms | next CPU % | autocannon CPU % | rest of machine CPU % |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("/s/<token>/download", s.redirect),
    row(`${s.baselinePath} (baseline)`, s.baseline),
    row("/s/<token>/download", s.service),
    "",
    "| Measurement | Result | Target | |",
    "| --- | ---: | ---: | --- |",
    `| (e) redirect p99, ${s.redirect.connections} connections | ${ms(s.redirect.p99Ms)} ms | < ${LINK_P99_TARGET_MS} ms | ${check(met)} |`,
    `| (e) redirect p99 / baseline p99 | ${s.ratios.p99VsBaseline.toFixed(2)} | | |`,
    `| (e) redirect req/s / baseline req/s | ${s.ratios.throughputVsBaseline.toFixed(2)} | | |`,
    `| (e) downloads counted by the database = 302s seen | ${s.redirect.statusCodes["302"]} + ${s.service.statusCodes["302"]} | equal | ok (else the run fails) |`,
  ].join("\n");
}

function uploadMarkdown(results: Results): string {
  const s = summarize(results);
  const { mib, rssMib, runs, partMiB, defaultConcurrency } = results.settings as Record<string, number>;
  const r2 = (value: number) => round(value, 2).toFixed(2);
  const r1 = (value: number) => round(value, 1).toFixed(1);
  const lines = [
    `Upload benchmark: ${mib} MiB file, ${partMiB} MiB parts, median of ${runs} run(s); ` +
      `machine ${results.settings.busyBefore}% busy (of one core) before it started; ` +
      `Node ${results.settings.node}, Chromium ${results.settings.chromium}`,
    "",
    "| Measurement | Result | Target | |",
    "| --- | ---: | ---: | --- |",
    `| (a) /uploads page, MD5 on, ${defaultConcurrency} in flight | ${r1(s.mibPerSecond.ours)} MiB/s | | |`,
    `| (a) lib-storage from Node, 6 in flight | ${r1(s.mibPerSecond.libStorage)} MiB/s | | |`,
    `| (a) bare page, presigned fetch PUTs, 6 in flight | ${r1(s.mibPerSecond.bare)} MiB/s | | |`,
    `| (a) ours / lib-storage | ${r2(s.ratios.oursVsLibStorage)} | ≥ 0.90 | ${check(s.ratios.oursVsLibStorage >= 0.9)} |`,
    `| (a) bare / lib-storage | ${r2(s.ratios.bareVsLibStorage)} | | |`,
    `| (a) ours / bare | ${r2(s.ratios.oursVsBare)} | | |`,
    `| (b) /uploads page, ?md5=off | ${r1(s.mibPerSecond.oursMd5Off)} MiB/s | | |`,
    `| (b) MD5 on / off | ${r2(s.ratios.md5OnVsOff)} | ≥ 0.90 | ${check(s.ratios.md5OnVsOff >= 0.9)} |`,
    `| (b) one MD5 worker alone, hash-wasm (one part at a time) | ${r1(s.md5Hashing.hashWasm)} MiB/s | | |`,
    `| (b) one MD5 worker alone, multi-buffer SIMD (8 parts at a time) | ${r1(s.md5Hashing.simd)} MiB/s | | |`,
    `| (b) MD5 hashing, multi-buffer / hash-wasm | ${r2(s.md5Hashing.simdVsHashWasm)} | ≥ 2 | ${check(s.md5Hashing.simdVsHashWasm >= 2)} |`,
    `| (c) POST /parts, 100 parts, median | ${r1(s.signParts.medianMs)} ms | < 20 ms | ${check(s.signParts.medianMs < 20)} |`,
    `| (c) POST /parts, 100 parts, p95 | ${r1(s.signParts.p95Ms)} ms | | |`,
    `| (d) server RSS before → after ${rssMib} MiB upload | ${r1(s.serverRss.beforeMiB)} → ${r1(s.serverRss.afterMiB)} MiB (peak ${r1(s.serverRss.peakMiB)}) | | |`,
    `| (d) server RSS growth | ${r1(s.serverRss.growthMiB)} MiB | < 30 MiB | ${check(s.serverRss.growthMiB < 30)} |`,
    ...Object.entries(s.byConcurrency).map(
      ([c, value]) =>
        `| tune: /uploads page, ?concurrency=${c}${Number(c) === defaultConcurrency ? " (default)" : ""}: MD5 on, off | ${r1(value.md5On)}, ${r1(value.md5Off)} MiB/s | | |`,
    ),
  ];
  if (Object.keys(results.byPartSize ?? {}).length) {
    for (const [mib, value] of Object.entries(s.byPartSize).sort(([a], [b]) => Number(a) - Number(b))) {
      lines.push(`| tune: ${mib} MiB parts (MULTIPART_PART_BYTES): /uploads page, lib-storage | ${r1(value.ours)}, ${r1(value.libStorage)} MiB/s | | |`);
    }
  }
  lines.push("", `CPU while uploading, % of one core (median run; the machine has ${results.settings.cores} cores; other = the rest of the machine):`, "");
  const cpuRows: Array<[string, UploadSample[]]> = [
    ["/uploads page, MD5 on", results.ours],
    ["/uploads page, ?md5=off", results.oursMd5Off],
    ["bare page", results.bare],
    ["lib-storage", results.libStorage],
  ];
  const groups = Object.keys(results.ours[0]?.cpu ?? {});
  lines.push(`| Upload | ${groups.join(" | ")} |`, `| --- |${" ---: |".repeat(groups.length)}`);
  for (const [label, samples] of cpuRows) {
    const cpu = medianSample(samples).cpu as unknown as Record<string, number>;
    lines.push(`| ${label} | ${groups.map((group) => cpu[group]).join(" | ")} |`);
  }
  return lines.join("\n");
}

export function writeJson(file: string, results: Results): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ summary: summarize(results), ...results }, null, 2)}\n`);
}
