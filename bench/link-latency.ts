import autocannon from "autocannon";
import type { Account } from "./accounts";
import { config } from "./config";
import { type CpuShare, withCpu } from "./processes";
import { shareFile } from "./share-link";
import { percentile, round } from "./stats";

/**
 * The floor the redirect is compared with: the same route with a token that fails validation.
 * It runs the same server routing, handler wrapper and per-address rate limit, and
 * answers 404 JSON before any database work or signing. (An unknown API path, which also
 * runs next-auth's session check, served fewer requests a second here.)
 */
export const BASELINE_PATH = "/s/not-a-share-token/download";

export interface LoadSample {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  statusCodes: Record<string, number>;
  /** Slowest first answer on a new connection (in the warm-up, not in the figures above). */
  firstAnswerMaxMs: number;
  /** % of one core per process group over the whole run, warm-up included. */
  cpu: CpuShare;
}

export interface LinkLatencyResult {
  baselinePath: string;
  /** GET /s/<token>/download at config.linkConnections. */
  redirect: LoadSample;
  /** BASELINE_PATH under the same load. */
  baseline: LoadSample;
  /** The redirect on one connection: what one request costs, without queueing. */
  service: LoadSample;
}

type Phase = "warm" | "measure" | "drain";

/**
 * One closed-loop autocannon run (each connection sends its next request when the last one is
 * answered; redirects are not followed) on connections that stay open throughout, in phases:
 *  - warm: requests go to `paths.warm` for `warmSeconds`, and until every connection has been
 *    answered once. A saturated Node server accepts one new connection per event-loop turn
 *    (libuv ≥ 1.45), so connections opened at the start can wait seconds for their first
 *    answer: that is reported apart (firstAnswerMaxMs), not mixed into the figures;
 *  - measure: `seconds` of requests to `paths.measure`: the figures;
 *  - drain: requests go to `paths.warm` until every connection has been answered again, so no
 *    request to `paths.measure` is cut off when the run stops, and the server has counted
 *    exactly the answers seen.
 * Throws on any answer other than `expected`, any error or timeout.
 */
async function load(paths: { warm: string; measure: string }, connections: number, warmSeconds: number, seconds: number, expected: number): Promise<LoadSample> {
  let phase: Phase = "warm";
  let answeredPhase: Phase = "warm";
  const started = performance.now();
  let window = { start: 0, end: 0 };
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const unexpected: Record<string, number> = {};
  const connected = new Map<unknown, number>(); // client → latency of its first answer
  const drained = new Set<unknown>();

  const { result, cpu } = await withCpu(
    () =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: config.appUrl,
            connections,
            duration: 3600, // stopped by the phases below
            // Generous: a connection opened while the server is saturated waits about
            // connections² / 2 / throughput for its first answer (17 s seen at 100 × 300 req/s).
            timeout: 120,
            requests: [
              {
                // The phase a request was sent in travels with it, in its connection's context.
                setupRequest: (request, context: { phase?: Phase }) => ((context.phase = phase), { ...request, path: phase === "measure" ? paths.measure : paths.warm }),
                onResponse: (_status, _body, context: { phase?: Phase }) => void (answeredPhase = context.phase ?? "warm"),
              },
            ],
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        // Emitted right after the request's onResponse above, for the same answer.
        instance.on("response", (client, status, _bytes, ms) => {
          const now = performance.now();
          if (status !== expected) unexpected[status] = (unexpected[status] ?? 0) + 1;
          if (!connected.has(client)) connected.set(client, ms);
          if (answeredPhase === "measure") {
            latencies.push(ms);
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          }
          if (answeredPhase === "drain") drained.add(client);
          if (phase === "warm" && connected.size === connections && now - started >= warmSeconds * 1000) {
            [phase, window] = ["measure", { start: now, end: 0 }];
          } else if (phase === "measure" && now - window.start >= seconds * 1000) {
            [phase, window.end] = ["drain", now];
          } else if (phase === "drain" && drained.size === connections) instance.stop();
        });
      }),
  );
  if (Object.keys(unexpected).length || result.errors || result.timeouts || !latencies.length) {
    throw new Error(
      `${paths.measure}, ${connections} connections: answers other than ${expected}: ${JSON.stringify(unexpected)}, ` +
        `${result.errors} errors, ${result.timeouts} timeouts, ${latencies.length} measured`,
    );
  }
  const windowSeconds = (window.end - window.start) / 1000;
  const ms = (p: number) => round(percentile(latencies, p), 2);
  return {
    connections,
    seconds: round(windowSeconds, 2),
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / windowSeconds, 1),
    ...{ p50Ms: ms(50), p90Ms: ms(90), p99Ms: ms(99), maxMs: ms(100) },
    statusCodes,
    firstAnswerMaxMs: round(Math.max(...connected.values()), 1),
    cpu,
  };
}

/**
 * (e) Latency of the share-link download redirect (link lookup, atomic count, audit row,
 * presigned GET) under `config.linkConnections` connections, against BASELINE_PATH on the same
 * server, and on one connection. Then checks that the database counted exactly the 302s seen.
 */
export async function measureLinkLatency(account: Account, log: (message: string) => void): Promise<LinkLatencyResult> {
  const file = await shareFile(account);
  try {
    // The warm-ups and drains use their own link, whose count is not checked.
    const [warmLink, loadLink, serviceLink] = [await file.newLink(), await file.newLink(), await file.newLink()];
    const { linkConnections: connections, linkSeconds: seconds, linkServiceSeconds } = config;
    const describe = (s: LoadSample) => `p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms, ${s.requestsPerSecond} req/s (slowest first answer ${s.firstAnswerMaxMs} ms)`;

    const redirect = await load({ warm: warmLink.downloadPath, measure: loadLink.downloadPath }, connections, 2, seconds, 302);
    log(`link redirect, ${connections} connections: ${describe(redirect)}`);
    const baseline = await load({ warm: BASELINE_PATH, measure: BASELINE_PATH }, connections, 2, seconds, 404);
    log(`baseline ${BASELINE_PATH}, ${connections} connections: ${describe(baseline)}`);
    const service = await load({ warm: warmLink.downloadPath, measure: serviceLink.downloadPath }, 1, 1, linkServiceSeconds, 302);
    log(`link redirect, 1 connection: ${describe(service)}`);

    const counts = await file.downloadCounts();
    for (const [link, sample] of [
      [loadLink, redirect],
      [serviceLink, service],
    ] as const) {
      if (counts.get(link.id) !== sample.statusCodes[302]) {
        throw new Error(`link ${link.id}: the database counted ${counts.get(link.id)} downloads, autocannon saw ${sample.statusCodes[302]} redirects`);
      }
    }
    return { baselinePath: BASELINE_PATH, redirect, baseline, service };
  } finally {
    await file.remove().catch((error) => log(`could not delete the shared file: ${error}`));
  }
}
