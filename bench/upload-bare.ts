import { AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, DeleteObjectCommand } from "@aws-sdk/client-s3";
import type { Browser, Page } from "@playwright/test";
import { bucket, presignPut, s3 } from "../lib/storage/s3";
import { must } from "../tests/support/must";
import { newContext } from "./browser";
import { config } from "./config";
import { makeFileInPage } from "./file-bytes";
import { withCpu, type CpuShare } from "./processes";

/**
 * Baseline 2, the ceiling for a browser: a bare page that only PUTs presigned part URLs with
 * fetch, `concurrency` at a time — no API calls, no hashing, no progress, no React. The clock
 * covers what a real upload must also do: create the multipart upload, sign every part, send
 * them, complete. The page is served from the app's origin (page.route) because the bucket's
 * CORS rule only allows that origin. `beforeStart` runs on the ready page before the clock starts
 * (e.g. to throttle its network).
 */
export async function uploadBare(browser: Browser, size: number, concurrency: number, beforeStart?: (page: Page) => Promise<void>): Promise<{ seconds: number; cpu: CpuShare }> {
  const context = await newContext(browser);
  // A page fulfilled by page.route has no server address, so Chromium's Local Network Access
  // check counts it as public and blocks its requests to the loopback radosgw (the app's real
  // pages come from 127.0.0.1 and are not blocked). Granting the permission, as a user would
  // when asked, lifts that check and nothing else.
  await context.grantPermissions(["local-network-access"], { origin: config.appUrl });
  const page = await context.newPage();
  const pageUrl = `${config.appUrl}/__bench/bare`;
  await page.route(pageUrl, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bare uploader</title>" }));
  await page.goto(pageUrl);
  // While any route is set, Playwright intercepts every request of the page, part PUTs
  // included, and routes them through this process: remove it before uploading.
  await page.unrouteAll();
  const name = `bare-${Date.now()}.bin`;
  await makeFileInPage(page, name, size);
  await beforeStart?.(page);

  const key = `bench/bare/${name}`;
  const partSize = config.partBytes;
  const partCount = Math.ceil(size / partSize);
  let uploadId: string | undefined;
  try {
    const { result: seconds, cpu } = await withCpu(async () => {
      const started = performance.now();
      const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: "application/octet-stream" }));
      const id = must(created.UploadId, `an UploadId for ${key}`);
      uploadId = id;
      const signed = await Promise.all(
        Array.from({ length: partCount }, (_, i) =>
          presignPut({ key, contentLength: Math.min(partSize, size - i * partSize), expiresInSeconds: 900, part: { uploadId: id, number: i + 1 } }),
        ),
      );
      const parts = signed.map((part) => ({ url: part.url, headers: part.headers }));
      const etags = await page.evaluate(
        async ({ name, partSize, parts, concurrency }) => {
          const file = (window as unknown as { benchFiles: Record<string, File> }).benchFiles[name];
          const etags: string[] = [];
          let next = 0;
          const worker = async () => {
            for (let i = next++; i < parts.length; i = next++) {
              const body = file.slice(i * partSize, (i + 1) * partSize);
              const response = await fetch(parts[i].url, { method: "PUT", headers: parts[i].headers, body });
              if (!response.ok) throw new Error(`part ${i + 1}: ${response.status} ${await response.text()}`);
              const etag = response.headers.get("ETag");
              if (!etag) throw new Error(`part ${i + 1}: no ETag in the response (does the bucket's CORS rule expose it?)`);
              etags[i] = etag;
            }
          };
          await Promise.all(Array.from({ length: concurrency }, worker));
          return etags;
        },
        { name, partSize, parts, concurrency },
      );
      await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: etags.map((etag, i) => ({ PartNumber: i + 1, ETag: etag })) },
        }),
      );
      uploadId = undefined;
      return (performance.now() - started) / 1000;
    });
    return { seconds, cpu };
  } finally {
    await context.close();
    if (uploadId) await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
}
