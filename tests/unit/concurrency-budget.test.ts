import { describe, expect, it } from "vitest";
import type { UploadApi, UploadTicket } from "@/lib/upload-client/upload-api";
import type { Transport } from "@/lib/upload-client/put-object";
import { memoryResumeStore } from "@/lib/upload-client/resume-store";
import { UploadEngine } from "@/lib/upload-client/upload-engine";
import type { UploadJson } from "@/lib/uploads/upload-json";

const PART = 1024;

/** An API that hands out single tickets for small files and multipart ones for big files. */
function fakeApi(): UploadApi {
  let next = 0;
  const upload = (id: string) => ({ id, status: "UPLOADING" }) as UploadJson;
  const expiresAt = () => new Date(Date.now() + 600_000).toISOString();
  return {
    async createUpload({ name, size }): Promise<UploadTicket> {
      const id = `u${++next}`;
      if (size <= PART) return { upload: upload(id), strategy: "single", url: `s3://${name}`, headers: {}, expiresAt: expiresAt() };
      return { upload: upload(id), strategy: "multipart", partSize: PART, partCount: Math.ceil(size / PART) };
    },
    signParts: async (id, parts) => parts.map(({ number }) => ({ number, url: `s3://${id}/${number}`, headers: {}, expiresAt: expiresAt() })),
    listParts: async () => [],
    completeUpload: async (id) => ({ ...upload(id), status: "COMPLETE" }),
    deleteUpload: async () => undefined,
    getUpload: async (id) => upload(id),
  };
}

/** A transport that counts the PUTs it has in flight, each taking a few milliseconds. */
function countingTransport() {
  const seen = { inFlight: 0, max: 0, total: 0 };
  const transport: Transport = async ({ body, onProgress }) => {
    seen.total += 1;
    seen.max = Math.max(seen.max, ++seen.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 6));
    onProgress?.(body.size);
    seen.inFlight -= 1;
    return '"etag"';
  };
  return { transport, seen };
}

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe("one concurrency budget across all files", () => {
  it.each([1, 3, 6])("never has more than %i requests in flight for a mix of single and multipart files", async (limit) => {
    const { transport, seen } = countingTransport();
    const engine = new UploadEngine({ api: fakeApi(), transport, store: memoryResumeStore(), concurrency: limit });
    const small = Array.from({ length: 20 }, (_, i) => ({ file: file(`small-${i}.bin`, 100) }));
    await engine.add([{ file: file("large.bin", PART * 40) }, ...small]);
    await new Promise<void>((resolve) => {
      const check = () => engine.views().every((view) => view.state === "done") && resolve();
      engine.subscribe(check);
      check();
    });
    expect(seen.total).toBe(20 + 40);
    expect(seen.max).toBeLessThanOrEqual(limit);
    expect(seen.max).toBe(limit); // and the budget is used, not merely respected
  });

  it("starts files in the order they were dropped, drop after drop", async () => {
    const urls: string[] = [];
    const { transport } = countingTransport();
    const recording: Transport = (request) => (urls.push(request.url), transport(request));
    const engine = new UploadEngine({ api: fakeApi(), transport: recording, store: memoryResumeStore(), concurrency: 1 });
    await engine.add(["a", "b", "c"].map((name) => ({ file: file(name, 10) })));
    await engine.add([{ file: file("d", 10) }]);
    await new Promise<void>((resolve) => {
      const check = () => engine.views().every((view) => view.state === "done") && resolve();
      engine.subscribe(check);
      check();
    });
    expect(urls).toEqual(["s3://a", "s3://b", "s3://c", "s3://d"]);
    expect(engine.views().map((view) => view.name)).toEqual(["d", "a", "b", "c"]); // the newest drop is listed first
  });
});
