import type { Browser, Cookie, Page } from "@playwright/test";
import { config, DEFAULT_CONCURRENCY, MiB } from "./config";
import { measure, warmUp } from "./measure";
import type { Results, UploadSample } from "./report";
import type { UplinkEntry } from "./uplink-report";
import { lineMibPerSecond, throttleUplink, type Uplink } from "./throttle-uplink";
import { uploadBare } from "./upload-bare";
import { uploadThroughApp } from "./upload-ours";

// BENCH_SUITE=uplink (issue 14): the uploads again, with the page behind an emulated uplink as a
// real client would be, to see whether integrity costs anything at line rate.

/** Chromium's throttle never lets a page send faster than the line rate: an upload that did was not throttled. */
const MAX_OVER_LINE = 1.05;

/** A throttle that did not apply would make every ratio of this suite meaningless: fail instead. */
function checkThrottled(label: string, result: UploadSample, mbits: number): UploadSample {
  const line = lineMibPerSecond(mbits);
  if (result.mibPerSecond > line * MAX_OVER_LINE) {
    throw new Error(`${label}: ${result.mibPerSecond} MiB/s on a ${mbits} Mbit/s link (${line.toFixed(1)} MiB/s): Chromium's network emulation did not throttle this upload`);
  }
  return result;
}

/** The bare page, the /uploads page with MD5 and with ?md5=off, at each BENCH_UPLINKS rate, BENCH_RUNS times. */
export async function uplinkSuite(browser: Browser, cookies: Cookie[], results: Results) {
  results.settings.uplinkLatencyMs = config.uplinkLatencyMs;
  const entries: UplinkEntry[] = config.uplinks.map(({ mbits, mib }) => ({ mbits, mib, bare: [], ours: [], oursMd5Off: [] }));
  results.uplink = entries;
  // Unthrottled: what warms up (server routes, JIT, the store's connections) does not depend on the link.
  await warmUp(browser, cookies);

  for (let run = 1; run <= config.runs; run++) {
    for (const entry of entries) {
      const link: Uplink = { mbits: entry.mbits, latencyMs: config.uplinkLatencyMs };
      const throttle = (page: Page) => throttleUplink(page, link);
      const size = entry.mib * MiB;
      const tag = `run ${run}/${config.runs}, ${entry.mib} MiB at ${entry.mbits} Mbit/s + ${link.latencyMs} ms`;
      const timed = async (label: string, upload: () => Promise<Omit<UploadSample, "mibPerSecond">>) => checkThrottled(label, await measure(label, size, upload), entry.mbits);
      entry.bare.push(await timed(`${tag}: bare page`, () => uploadBare(browser, size, DEFAULT_CONCURRENCY, throttle)));
      entry.ours.push(await timed(`${tag}: /uploads page`, () => uploadThroughApp(browser, cookies, { size, beforeDrop: throttle })));
      entry.oursMd5Off.push(await timed(`${tag}: /uploads page ?md5=off`, () => uploadThroughApp(browser, cookies, { size, md5: false, beforeDrop: throttle })));
    }
  }
}
