// Checks what Chromium's network emulation does to a page's uploads, without the app or the store
// (the claims bench/README.md makes about BENCH_SUITE=uplink rest on it):
//   npx tsx bench/throttle-check.ts        (~1 min; prints a markdown table)
// A local server takes PUTs and drops their bytes; the page sends ~3 s worth of bytes through throttleUplink at 1 Gbit/s and 100 Mbit/s: with fetch and with XHR, from the
// page and from a dedicated worker, one request at a time and six at once. A per-request throttle
// would show six requests at about six times the line rate; a per-page one at most the line rate.
// Then the time of a 1-byte PUT (same origin: no CORS preflight) with and without the latency.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { median } from "./stats";
import { lineMibPerSecond, throttleUplink, type Uplink } from "./throttle-uplink";

type Sender = "fetch" | "xhr" | "worker fetch";

const NAME_SHIM = "globalThis.__name = globalThis.__name || ((fn) => fn);";

const sink = http.createServer((request, response) => {
  response.setHeader("Access-Control-Allow-Origin", "*");
  response.setHeader("Access-Control-Allow-Methods", "PUT");
  if (request.method === "GET") return response.end("<!doctype html><title>sink</title>");
  request.resume().on("end", () => response.end());
});

/**
 * Seconds the page takes to PUT `bytes` in `inFlight` equal requests at once, behind `link` (null: no emulation); with
 * `rounds`, that many times one after the other (one time each).
 */
async function timePuts(browser: Browser, origin: string, link: Uplink | null, sender: Sender, inFlight: number, bytes: number, rounds = 1): Promise<number[]> {
  const context = await browser.newContext();
  // tsx's __name helper (see newContext in browser.ts, whose config this script does without).
  await context.addInitScript({ content: NAME_SHIM });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    if (link) await throttleUplink(page, link);
    return await page.evaluate(
      async ({ origin, sender, inFlight, bytes, rounds, shim }) => {
        // Runs as is in the page, or as a worker's source: it may not refer to anything outside.
        const send = async (origin: string, sender: string, inFlight: number, bytes: number, rounds: number) => {
          const body = new Blob([new Uint8Array(bytes / inFlight)]);
          const put = () =>
            sender === "xhr"
              ? new Promise<void>((resolve, reject) => {
                  const xhr = new XMLHttpRequest();
                  xhr.open("PUT", `${origin}/sink`);
                  xhr.onload = () => resolve();
                  xhr.onerror = () => reject(new Error("XHR failed"));
                  xhr.send(body);
                })
              : fetch(`${origin}/sink`, { method: "PUT", body }).then((response) => void response.arrayBuffer());
          const seconds: number[] = [];
          for (let round = 0; round < rounds; round++) {
            const started = performance.now();
            await Promise.all(Array.from({ length: inFlight }, put));
            seconds.push((performance.now() - started) / 1000);
          }
          return seconds;
        };
        if (sender !== "worker fetch") return send(origin, sender, inFlight, bytes, rounds);
        const source = `${shim} const send = ${send.toString()}; onmessage = async (event) => postMessage(await send(...event.data));`;
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
        return new Promise<number[]>((resolve) => {
          worker.onmessage = (event: MessageEvent<number[]>) => resolve(event.data);
          worker.postMessage([origin, "fetch", inFlight, bytes, rounds]);
        });
      },
      { origin, sender, inFlight, bytes, rounds, shim: NAME_SHIM },
    );
  } finally {
    await context.close();
  }
}

async function main() {
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    console.log(`Chromium ${browser.version()} network emulation, uploads to a local server (no latency)\n`);
    console.log("| Uplink | Sender | In flight | Sent | MiB/s | / line rate |\n| --- | --- | ---: | ---: | ---: | ---: |");
    for (const mbits of [1000, 100]) {
      // About 3 s at line rate; divisible by six.
      const bytes = Math.round((lineMibPerSecond(mbits) * 3) / 6) * 6 * 1024 ** 2;
      const cases: Array<[Sender, number]> = [
        ["fetch", 1],
        ["fetch", 6],
        ["xhr", 1],
        ["xhr", 6],
        ["worker fetch", 6],
      ];
      for (const [sender, inFlight] of cases) {
        const [seconds] = await timePuts(browser, origin, { mbits, latencyMs: 0 }, sender, inFlight, bytes);
        const speed = bytes / 1024 ** 2 / seconds;
        console.log(`| ${mbits} Mbit/s | ${sender} | ${inFlight} | ${bytes / 1024 ** 2} MiB | ${speed.toFixed(1)} | ${(speed / lineMibPerSecond(mbits)).toFixed(2)} |`);
      }
    }
    console.log("\n| Latency set | 1-byte PUTs one after the other on one connection, median of 10 |\n| ---: | ---: |");
    for (const latencyMs of [null, 0, 20]) {
      // The first one also opens the connection: left out.
      const [, ...times] = await timePuts(browser, origin, latencyMs === null ? null : { mbits: 100, latencyMs }, "fetch", 1, 1, 11);
      console.log(`| ${latencyMs === null ? "no emulation" : `${latencyMs} ms at 100 Mbit/s`} | ${(median(times) * 1000).toFixed(1)} ms |`);
    }
  } finally {
    await browser.close();
    sink.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
