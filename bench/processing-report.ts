import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { JobResult } from "./processing-job";
import type { PassSample } from "./processing-passes";
import { median, round } from "./stats";

export const RATIO_TARGET = 0.8;
export const RSS_GROWTH_TARGET_MIB = 64;

export interface ProcessingResults {
  settings: Record<string, unknown>;
  /** By pass: a (bare GET), b (clamd, local file), c (processing), c+ (processing, coalesced chunks); one sample per round. */
  passes: Record<string, PassSample[]>;
  /** processUpload runs in one child worker process: [0] is its first job. */
  jobs: JobResult;
}

const PASS_NAMES: Record<string, string> = {
  a: "bare S3 GET to nowhere",
  b: "clamd INSTREAM of the local copy",
  c: "processing (readObjectFacts, clamd on)",
  "c+": "processing, S3 chunks coalesced first",
};

/** Per round: the pass's speed over the slower of (a) and (b) of the same round. */
function ratios(results: ProcessingResults, pass: string): number[] {
  const { a, b } = results.passes;
  return (results.passes[pass] ?? []).map((sample, i) => sample.mibPerSecond / Math.min(a[i].mibPerSecond, b[i].mibPerSecond));
}

/**
 * Per round: how fast (c) could be at best. clamd spools an INSTREAM to a temp file and scans it
 * only after its last byte, so the worker's pass takes at least the GET (a) plus clamd's scan
 * after the end of the stream (b's total minus its streaming).
 */
function ceilings(results: ProcessingResults): number[] {
  const { a, b } = results.passes;
  return a.map((get, i) => Number(results.settings.mib) / (get.seconds + b[i].seconds - b[i].streamedSeconds));
}

export function summarize(results: ProcessingResults) {
  const speeds = Object.fromEntries(
    Object.entries(results.passes).map(([pass, samples]) => {
      const values = samples.map((sample) => round(sample.mibPerSecond, 1));
      return [pass, { runs: values, best: Math.max(...values), median: round(median(values), 1) }];
    }),
  );
  const ratio = median(ratios(results, "c"));
  // A fresh worker's first job is the one whose growth counts: later jobs reuse what it left.
  const growth = results.jobs[0].growthMiB;
  return {
    mibPerSecond: speeds,
    ratioCToSlowerOfAB: { runs: ratios(results, "c").map((value) => round(value)), median: round(ratio), target: RATIO_TARGET, met: ratio >= RATIO_TARGET },
    ratioCoalescedToSlowerOfAB: results.passes["c+"] ? { runs: ratios(results, "c+").map((value) => round(value)), median: round(median(ratios(results, "c+"))) } : null,
    spoolThenScanCeiling: {
      mibPerSecond: ceilings(results).map((value) => round(value, 1)),
      ceilingToSlowerOfAB: ceilings(results).map((value, i) => round(value / Math.min(results.passes.a[i].mibPerSecond, results.passes.b[i].mibPerSecond))),
      cToCeiling: results.passes.c.map((sample, i) => round(sample.mibPerSecond / ceilings(results)[i])),
    },
    workerRssGrowthMiB: {
      value: round(growth, 1),
      target: RSS_GROWTH_TARGET_MIB,
      met: growth < RSS_GROWTH_TARGET_MIB,
      laterJobs: results.jobs.slice(1).map((job) => round(job.growthMiB, 1)),
    },
    workerJobMiBPerSecond: results.jobs.map((job) => round(Number(results.settings.mib) / job.seconds, 1)),
  };
}

export function writeResults(file: string, results: ProcessingResults): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...results, summary: summarize(results) }, null, 2)}\n`);
}

const cpuText = (cpu: Record<string, number>) =>
  Object.entries(cpu)
    .map(([group, seconds]) => `${group} ${seconds.toFixed(1)}`)
    .join(", ");

export function printSummary(results: ProcessingResults): void {
  const summary = summarize(results);
  const { settings } = results;
  console.log(`\nProcessing benchmark, ${settings.date}, Node ${settings.node}, ${settings.mib} MiB, ${settings.rounds} rounds, ${settings.cores} cores\n`);
  console.log("| pass | MiB/s per round | best | median | streamed s / total s (median round) | mean chunk KiB | CPU s (median round) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const [pass, samples] of Object.entries(results.passes)) {
    const speed = summary.mibPerSecond[pass];
    const mid = [...samples].sort((x, y) => x.seconds - y.seconds)[Math.floor((samples.length - 1) / 2)];
    const row = [`(${pass}) ${PASS_NAMES[pass]}`, speed.runs.join(" / "), speed.best, speed.median, `${mid.streamedSeconds.toFixed(1)} / ${mid.seconds.toFixed(1)}`];
    console.log(`| ${[...row, round(mid.meanChunkKiB, 1), cpuText(mid.cpu)].join(" | ")} |`);
  }
  const { ratioCToSlowerOfAB: ratio, ratioCoalescedToSlowerOfAB: coalesced, workerRssGrowthMiB: rss } = summary;
  console.log(`\nc / min(a, b): ${ratio.runs.join(" / ")}, median ${ratio.median} (target >= ${ratio.target}: ${ratio.met ? "met" : "MISSED"})`);
  if (coalesced) console.log(`c+ / min(a, b): ${coalesced.runs.join(" / ")}, median ${coalesced.median}`);
  const ceiling = summary.spoolThenScanCeiling;
  console.log(
    `ceiling of (c), a GET then clamd's scan after the last byte: ${ceiling.mibPerSecond.join(" / ")} MiB/s = ${ceiling.ceilingToSlowerOfAB.join(" / ")} of min(a, b); c reached ${ceiling.cToCeiling.join(" / ")} of it`,
  );
  console.log(`worker (processUpload, PGlite, ${results.jobs.length} jobs in one process; RSS growth target < ${rss.target} MiB on the first job: ${rss.met ? "met" : "MISSED"}):`);
  results.jobs.forEach((job, i) => {
    const timeline = job.rssTimelineMiB;
    const quarters = [0.25, 0.5, 0.75].map((at) => timeline[Math.floor(at * (timeline.length - 1))]);
    console.log(
      `  job ${i + 1}: ${summary.workerJobMiBPerSecond[i]} MiB/s; RSS ${job.startMiB.toFixed(1)} MiB at the start, ${quarters.join(", ")} at 1/4, 1/2, 3/4, peak ${job.peakMiB.toFixed(1)}, ` +
        `end ${job.endMiB.toFixed(1)}: growth ${job.growthMiB.toFixed(1)} MiB (V8 heap +${job.heapGrowthMiB.toFixed(1)}, external +${job.externalGrowthMiB.toFixed(1)} at their peaks); CPU s: ${cpuText(job.cpu)}`,
    );
  });
  if (settings.busyBefore !== undefined)
    console.log(`machine busy before the run: ${settings.busyBefore} of ${settings.cores} cores (anything else running makes the figures noisy)`);
}
