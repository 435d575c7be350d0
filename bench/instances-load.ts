import { randomBytes, randomUUID } from "node:crypto";
import { CookieJar } from "../tests/support/cookie-jar";
import { engineFor, settled } from "../tests/support/run-engine";
import { busyShare, groupCpuSeconds, machineTicks } from "./cpu-usage";
import { fileBlob } from "./file-bytes";
import { type CallKind, httpUploadApi, Recorder, roundRobin, timedTransport } from "./instances-api";

// One load against a set of instances (behind an imagined round-robin balancer): `users` users,
// each a "browser page" (one upload engine, 6 requests in flight, no part MD5s: a browser hashes
// in workers, this Node client would hash on the thread that times the calls) uploading its share
// of `uploads` files of `mib` MiB at once; once a quarter of the bytes are stored, `downloads`
// share-link downloads of a 1 MiB file all at once (redirect, then the bytes from S3).

const MiB = 1024 ** 2;

export interface LoadSettings {
  uploads: number;
  users: number;
  mib: number;
  /** MULTIPART_PART_BYTES the instances run with, in MiB (the warm-up uploads two parts). */
  partMiB: number;
  downloads: number;
}

export interface LoadResult {
  instances: number;
  uploadSeconds: number;
  uploadMiBPerSecond: number;
  downloadSeconds: number;
  failedUploads: number;
  /** Share of all CPUs busy during the measured load, 0..1. */
  machineBusy: number;
  /** CPU seconds each instance used during the measured load. */
  instanceCpuSeconds: number[];
  errors: string[];
  /** Milliseconds, by call. */
  samples: Partial<Record<CallKind, number[]>>;
}

async function signUpAndIn(base: string, label: string): Promise<CookieJar> {
  const account = { email: `bench-${label}-${randomUUID().slice(0, 8)}@bench.local`, password: "bench-password-0123456789", name: `Bench ${label}` };
  const response = await fetch(`${base}/api/account`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(account) });
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const jar = new CookieJar();
  await jar.signIn(base, account.email, account.password);
  return jar;
}

/** A processed 1 MiB file of `jar`'s user and a link to it without limits; the path its downloads take. */
async function sharedLink(jar: CookieJar, base: string): Promise<string> {
  const api = httpUploadApi(jar, () => base, new Recorder());
  const bytes = randomBytes(MiB);
  const ticket = await api.createUpload({ name: "shared.bin", type: "application/octet-stream", size: bytes.length });
  if (ticket.strategy !== "single") throw new Error(`expected a single PUT for 1 MiB, got ${ticket.strategy}`);
  const put = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: bytes });
  if (!put.ok) throw new Error(`PUT of the shared file answered ${put.status}`);
  await api.completeUpload(ticket.upload.id);
  for (let waited = 0; ["queued", "running"].includes((await api.getUpload(ticket.upload.id)).processing?.state ?? ""); waited += 100) {
    if (waited > 60_000) throw new Error("the shared file was not processed within a minute");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const created = await jar.fetch(`${base}/api/uploads/${ticket.upload.id}/links`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ expiresInSeconds: 86400 }),
  });
  if (created.status !== 201) throw new Error(`link creation answered ${created.status}: ${await created.text()}`);
  return `${new URL((await created.json()).url).pathname}/download`;
}

async function download(base: string, path: string, recorder: Recorder): Promise<void> {
  const location = await recorder.time("GET /s/:token/download", async () => {
    const response = await fetch(`${base}${path}`, { redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 302) throw new Error(`answered ${response.status}`);
    return response.headers.get("location") ?? "";
  });
  await recorder.time("GET file (S3)", async () => {
    const response = await fetch(location);
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200 || bytes !== MiB) throw new Error(`answered ${response.status} with ${bytes} bytes`);
  });
}

/** Uploads `files` per user through `urls` (round robin), downloading meanwhile; deletes the uploads afterwards. */
async function uploadAndDownload(jars: CookieJar[], urls: string[], files: number, mib: number, downloads: { path: string; count: number }, recorder: Recorder) {
  const pick = roundRobin(urls);
  const total = jars.length * files * mib * MiB;
  let stored = 0;
  let startDownloads: () => void = () => {};
  const quarterStored = new Promise<void>((resolve) => (startDownloads = resolve));
  const transport = timedTransport(recorder, (bytes) => (stored += bytes) >= total / 4 && startDownloads());
  const apis = jars.map((jar) => httpUploadApi(jar, pick, recorder));

  const started = performance.now();
  const uploading = Promise.all(
    apis.map(async (api, u) => {
      const engine = engineFor(api, transport, { md5: false, concurrency: 6 });
      await engine.add(Array.from({ length: files }, (_, f) => ({ file: fileBlob(`user${u}-file${f}.bin`, mib * MiB) })));
      const views = await settled(engine, ["done", "failed", "cancelled"], 30 * 60_000);
      return views.filter((view) => view.state !== "done").length;
    }),
  ).then((failed) => ({ failed: failed.reduce((sum, n) => sum + n, 0), seconds: (performance.now() - started) / 1000 }));

  const downloading = quarterStored.then(async () => {
    const began = performance.now();
    await Promise.allSettled(Array.from({ length: downloads.count }, () => download(pick(), downloads.path, recorder)));
    return (performance.now() - began) / 1000;
  });
  const [uploads, downloadSeconds] = await Promise.all([uploading, downloading]);
  await Promise.all(apis.flatMap((api) => api.created.map((id) => api.deleteUpload(id).catch(() => undefined))));
  return { ...uploads, downloadSeconds, mibPerSecond: total / MiB / uploads.seconds };
}

export async function runLoad(instances: { url: string; processGroup: number }[], settings: LoadSettings, log: (message: string) => void): Promise<LoadResult> {
  const urls = instances.map((instance) => instance.url);
  const pick = roundRobin(urls);
  const jars = await Promise.all(Array.from({ length: settings.users }, (_, u) => signUpAndIn(pick(), `user${u}`)));
  const path = await sharedLink(jars[0], urls[0]);

  // Not measured: the first calls on each instance load route modules, fill caches and JIT.
  log(`warm-up on ${urls.length} instance(s)`);
  const warm = await uploadAndDownload(jars, urls, 1, 2 * settings.partMiB, { path, count: 20 }, new Recorder());
  if (warm.failed) throw new Error(`warm-up: ${warm.failed} uploads failed`);

  const perUser = settings.uploads / settings.users;
  log(`${settings.uploads} × ${settings.mib} MiB uploads from ${settings.users} users, ${settings.downloads} downloads, on ${urls.length} instance(s)`);
  const recorder = new Recorder();
  const [ticks, cpu] = [machineTicks(), instances.map((instance) => groupCpuSeconds(instance.processGroup))];
  const result = await uploadAndDownload(jars, urls, perUser, settings.mib, { path, count: settings.downloads }, recorder);
  return {
    instances: urls.length,
    uploadSeconds: result.seconds,
    uploadMiBPerSecond: result.mibPerSecond,
    downloadSeconds: result.downloadSeconds,
    failedUploads: result.failed,
    machineBusy: busyShare(ticks, machineTicks()),
    instanceCpuSeconds: instances.map((instance, i) => groupCpuSeconds(instance.processGroup) - cpu[i]),
    errors: recorder.errors,
    samples: Object.fromEntries(recorder.samples),
  };
}
