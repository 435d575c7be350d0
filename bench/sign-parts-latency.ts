import { randomBytes } from "node:crypto";
import { CookieJar } from "../tests/support/cookie-jar";
import type { Account } from "./accounts";
import { config } from "./config";
import { median, percentile } from "./stats";

const PARTS_PER_CALL = 100; // the API's maximum per POST /parts

/**
 * (c) How long the server takes to sign a full batch: POST /api/uploads/:id/parts with 100
 * parts, each with its MD5, timed from a Node client over loopback (so it includes HTTP and
 * session handling, as a browser would see it). No bytes are uploaded: the slot only needs
 * to be big enough to have 100 parts.
 */
export async function measureSignParts(account: Account): Promise<{ medianMs: number; p95Ms: number; samplesMs: number[] }> {
  const jar = new CookieJar();
  await jar.signIn(config.appUrl, account.email, account.password);
  const api = (path: string, init: RequestInit = {}) => jar.fetch(`${config.appUrl}${path}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });

  const created = await api("/api/uploads", {
    method: "POST",
    body: JSON.stringify({ name: "sign-parts.bin", type: "application/octet-stream", size: PARTS_PER_CALL * config.partBytes + 1 }),
  });
  if (created.status !== 201) throw new Error(`could not create the slot: ${created.status} ${await created.text()}`);
  const { upload, partCount } = await created.json();
  if (partCount < PARTS_PER_CALL) throw new Error(`the slot has ${partCount} parts, fewer than ${PARTS_PER_CALL}`);

  // Distinct made-up MD5s: the server signs them without seeing any bytes.
  const body = JSON.stringify({
    parts: Array.from({ length: PARTS_PER_CALL }, (_, i) => ({ number: i + 1, md5: randomBytes(16).toString("base64") })),
  });
  const call = async (): Promise<number> => {
    const started = performance.now();
    const response = await api(`/api/uploads/${upload.id}/parts`, { method: "POST", body });
    const json = await response.json();
    const ms = performance.now() - started;
    if (response.status === 429) {
      // Signing is limited to 1,200 calls a minute per user: wait out the window, do not time it.
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
      return call();
    }
    if (response.status !== 200 || json.parts?.length !== PARTS_PER_CALL) throw new Error(`POST /parts answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
    return ms;
  };

  try {
    // Warm-up: the route's first calls load modules and fill caches (JIT, Prisma, the signer).
    for (let i = 0; i < config.signWarmup; i++) await call();
    const samplesMs: number[] = [];
    for (let i = 0; i < config.signCalls; i++) samplesMs.push(await call());
    return { medianMs: median(samplesMs), p95Ms: percentile(samplesMs, 95), samplesMs };
  } finally {
    const deleted = await api(`/api/uploads/${upload.id}`, { method: "DELETE" });
    if (deleted.status !== 204) console.error(`could not delete the sign-parts slot: ${deleted.status}`);
  }
}
