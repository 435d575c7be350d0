import type { Page } from "@playwright/test";

/** An emulated link: its rate in Mbit/s (10^6 bits) and the latency added to each request. */
export interface Uplink {
  mbits: number;
  latencyMs: number;
}

/** What an upload can reach at most on `mbits`, in MiB/s (1 Gbit/s = 119.2 MiB/s). */
export const lineMibPerSecond = (mbits: number) => (mbits * 1e6) / 8 / 1024 ** 2;

/**
 * Puts the page behind Chromium's DevTools network emulation (the throttle of the Network panel).
 * Chromium's network service keeps one throttle per page and shares its rate among all of that
 * page's requests in flight, 1,500-byte packets in turn (services/network/throttling), so six
 * PUTs at once get the rate together, not six times it; it covers request bodies (uploads) of
 * fetch and XHR, from the page and from its dedicated workers. The latency holds each response
 * back until that long after its request was sent: one round trip per request, not TCP's
 * window. The emulation lasts as long as the page's context; call it when the page is ready, so
 * that only the upload runs on the slow link.
 */
export async function throttleUplink(page: Page, { mbits, latencyMs }: Uplink): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  const bytesPerSecond = (mbits * 1e6) / 8;
  // A symmetric link: the downloads here are the app's JSON and S3's short answers.
  await session.send("Network.emulateNetworkConditions", { offline: false, latency: latencyMs, uploadThroughput: bytesPerSecond, downloadThroughput: bytesPerSecond });
}
