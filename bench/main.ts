// The upload benchmarks, in one run against the app and object store bench/run.sh started.
// Every figure that has a target is a ratio between uploads measured here, on this machine and
// this radosgw, so it does not depend on how fast the machine is. Progress goes to stderr;
// results to BENCH_OUTPUT (bench/run.sh prints them as markdown at the end).
//
// BENCH_SUITE=part-size (run.sh, once per extra MULTIPART_PART_BYTES it restarts the app with)
// only measures the /uploads page and lib-storage at that part size, adding to the same file.
// BENCH_SUITE=links only measures the share-link redirect (e), without a browser.
// BENCH_SUITE=uplink only measures uploads behind emulated uplinks (uplink.ts).
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import type { Browser, Cookie } from "@playwright/test";
import { type Account, signUp } from "./accounts";
import { launchBrowser, signInCookies } from "./browser";
import { config, DEFAULT_CONCURRENCY, MiB } from "./config";
import { fileBuffer } from "./file-bytes";
import { writeJson, type Results } from "./report";
import { measureMd5Workers } from "./md5-speed";
import { measureLinkLatency } from "./link-latency";
import { idleCheck } from "./processes";
import { measureServerRss } from "./server-rss";
import { measureSignParts } from "./sign-parts-latency";
import { round } from "./stats";
import { collectGarbage, emptyBucket } from "./store";
import { log, measure, sample, warmUp } from "./measure";
import { uploadBare } from "./upload-bare";
import { uploadWithLibStorage } from "./upload-lib-storage";
import { uploadThroughApp } from "./upload-ours";
import { uplinkSuite } from "./uplink";

const size = config.mib * MiB;
const partMiB = config.partBytes / MiB;

/** (e) alone, BENCH_RUNS times. */
async function linkSuite(results: Results, linker: Account) {
  for (let run = 1; run <= config.runs; run++) {
    (results.linkLatency ??= []).push(await measureLinkLatency(linker, (message) => log(`run ${run}/${config.runs}: ${message}`)));
  }
}

/** (a), (b), (c), (d), (e) and the concurrency sweep, BENCH_RUNS times. */
async function fullSuite(browser: Browser, cookies: Cookie[], results: Results) {
  const signer = await signUp("signer"); // its own user: its own rate-limit budget
  const linker = await signUp("linker");
  const body = fileBuffer(size);
  await warmUp(browser, cookies);

  for (let run = 1; run <= config.runs; run++) {
    const tag = `run ${run}/${config.runs}, ${config.mib} MiB`;
    results.libStorage.push(await measure(`${tag}: lib-storage`, size, () => uploadWithLibStorage(body, DEFAULT_CONCURRENCY)));
    results.bare.push(await measure(`${tag}: bare page`, size, () => uploadBare(browser, size, DEFAULT_CONCURRENCY)));
    const ours = await measure(`${tag}: /uploads page`, size, () => uploadThroughApp(browser, cookies, { size }));
    results.ours.push(ours);
    const md5Off = await measure(`${tag}: /uploads page ?md5=off`, size, () => uploadThroughApp(browser, cookies, { size, md5: false }));
    results.oursMd5Off.push(md5Off);
    // With MD5s and without: hashing may limit the upload before the number of requests does.
    for (const concurrency of config.concurrencies) {
      // The default was just measured (ours, md5Off): the same uploads, so they are not repeated.
      const isDefault = concurrency === DEFAULT_CONCURRENCY;
      const label = `${tag}: /uploads page ?concurrency=${concurrency}`;
      results.byConcurrency[String(concurrency)].push(isDefault ? ours : await measure(label, size, () => uploadThroughApp(browser, cookies, { size, concurrency })));
      results.byConcurrencyMd5Off[String(concurrency)].push(
        isDefault ? md5Off : await measure(`${label}&md5=off`, size, () => uploadThroughApp(browser, cookies, { size, concurrency, md5: false })),
      );
    }

    const hashing = await measureMd5Workers(browser, cookies, size);
    results.md5Hashing.push(hashing);
    log(`${tag}: one MD5 worker alone: hash-wasm ${round(hashing["hash-wasm"].mibPerSecond, 1)} MiB/s, SIMD ${round(hashing.simd.mibPerSecond, 1)} MiB/s`);

    const signing = await measureSignParts(signer);
    results.signParts.push({ ...signing, samplesMs: signing.samplesMs.map((ms) => round(ms, 2)) });
    log(`${tag}: POST /parts ×${config.signCalls}: median ${round(signing.medianMs)} ms, p95 ${round(signing.p95Ms)} ms`);

    const rssBytes = config.rssMib * MiB;
    const { rss, result } = await measureServerRss(() => uploadThroughApp(browser, cookies, { size: rssBytes }));
    await collectGarbage();
    results.serverRss.push({ ...rss, upload: sample(rssBytes, result) });
    log(`run ${run}: server RSS ${round(rss.beforeMiB, 1)} → ${round(rss.afterMiB, 1)} MiB (peak ${round(rss.peakMiB, 1)}) across a ${config.rssMib} MiB upload`);

    // Last, so that its load (and the heap it leaves in the server) does not touch (a)–(d); (d)
    // has just let the machine settle. The redirect never reaches the store, but shares the CPU.
    (results.linkLatency ??= []).push(await measureLinkLatency(linker, (message) => log(`${tag}: ${message}`)));
  }
}

/** Only the /uploads page and lib-storage, at the part size the app was started with. */
async function partSizeSuite(browser: Browser, cookies: Cookie[], results: Results) {
  const body = fileBuffer(size);
  await warmUp(browser, cookies, { bare: false });
  const entry: Results["byPartSize"][string] = { ours: [], libStorage: [] };
  results.byPartSize[String(partMiB)] = entry;
  for (let run = 1; run <= config.runs; run++) {
    const tag = `run ${run}/${config.runs}, ${config.mib} MiB, ${partMiB} MiB parts`;
    entry.libStorage.push(await measure(`${tag}: lib-storage`, size, () => uploadWithLibStorage(body, DEFAULT_CONCURRENCY)));
    entry.ours.push(await measure(`${tag}: /uploads page`, size, () => uploadThroughApp(browser, cookies, { size })));
  }
}

/** Runs `suite` with a signed-in user's cookies in a Chromium that is closed afterwards. */
async function browserSuite(suite: (browser: Browser, cookies: Cookie[], results: Results) => Promise<void>, results: Results) {
  const uploader = await signUp("uploader");
  const browser = await launchBrowser();
  results.settings.chromium = browser.version();
  try {
    await suite(browser, await signInCookies(browser, uploader.email, uploader.password), results);
  } finally {
    await browser.close();
  }
}

function newResults(): Results {
  return {
    settings: {
      mib: config.mib,
      rssMib: config.rssMib,
      runs: config.runs,
      partMiB,
      defaultConcurrency: DEFAULT_CONCURRENCY,
      concurrencies: config.concurrencies,
      signCalls: config.signCalls,
      signWarmup: config.signWarmup,
      linkConnections: config.linkConnections,
      linkSeconds: config.linkSeconds,
      linkServiceSeconds: config.linkServiceSeconds,
      cores: os.cpus().length,
      node: process.version,
      date: new Date().toISOString(),
    },
    libStorage: [],
    bare: [],
    ours: [],
    oursMd5Off: [],
    byConcurrency: Object.fromEntries(config.concurrencies.map((c) => [String(c), []])),
    byConcurrencyMd5Off: Object.fromEntries(config.concurrencies.map((c) => [String(c), []])),
    byPartSize: {},
    md5Hashing: [],
    signParts: [],
    serverRss: [],
    linkLatency: [],
  };
}

async function main() {
  const suite = process.env.BENCH_SUITE || "full";
  if (!["full", "part-size", "links", "uplink"].includes(suite)) throw new Error(`BENCH_SUITE must be part-size, links or uplink, not "${suite}"`);
  const partSizeOnly = suite === "part-size";
  if (partSizeOnly && !existsSync(config.output)) throw new Error(`BENCH_SUITE=part-size adds to ${config.output}, which does not exist`);
  const results: Results = partSizeOnly ? JSON.parse(readFileSync(config.output, "utf8")) : newResults();
  const started = performance.now();

  const busy = await idleCheck();
  results.settings[partSizeOnly ? `busyBefore${partMiB}MiBParts` : "busyBefore"] = busy;
  if (busy > 20) log(`warning: the machine is already ${busy}% busy (of one core) before the benchmark starts: expect noisy figures`);

  try {
    if (suite === "links") await linkSuite(results, await signUp("linker"));
    else await browserSuite(partSizeOnly ? partSizeSuite : suite === "uplink" ? uplinkSuite : fullSuite, results);
  } finally {
    const leftovers = await emptyBucket().catch((error) => (log(`could not empty the bucket: ${error}`), 0));
    if (leftovers) log(`removed ${leftovers} leftover objects/uploads`);
    await collectGarbage().catch(() => undefined);
  }

  const seconds = round((performance.now() - started) / 1000, 1);
  results.settings[partSizeOnly ? `measureSeconds${partMiB}MiBParts` : "measureSeconds"] = seconds;
  writeJson(config.output, results);
  log(`done in ${seconds} s; results in ${config.output}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
