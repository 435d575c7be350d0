import { appPid, rssMiB } from "./processes";

export interface RssResult {
  beforeMiB: number;
  afterMiB: number;
  /** Highest RSS seen while the upload ran (sampled every 200 ms). */
  peakMiB: number;
  growthMiB: number;
}

const settleMs = Number(process.env.BENCH_SETTLE_SECONDS || 5) * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * (d) The app server process's resident memory before and after `upload` (a big browser
 * upload), each read after a settle so that requests in flight and short-lived buffers are
 * gone. The server never sees file bytes, so growth should stay small whatever the file size.
 */
export async function measureServerRss<T>(upload: () => Promise<T>): Promise<{ rss: RssResult; result: T }> {
  const pid = appPid();
  await sleep(settleMs);
  const beforeMiB = rssMiB(pid);
  let peakMiB = beforeMiB;
  // The upload runs in the browser, so this process is free to sample meanwhile.
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, rssMiB(pid))), 200);
  let result: T;
  try {
    result = await upload();
  } finally {
    clearInterval(sampler);
  }
  await sleep(settleMs);
  const afterMiB = rssMiB(pid);
  return { rss: { beforeMiB, afterMiB, peakMiB: Math.max(peakMiB, afterMiB), growthMiB: afterMiB - beforeMiB }, result };
}
