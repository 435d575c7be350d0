import { beforeAll, describe, expect, it, vi } from "vitest";

// Small plans so 6 MiB make a two-part upload.
vi.hoisted(() => {
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
});

// First, before anything that loads Next (tests/support/next-route.ts says why).
import { serve } from "../support/next-route";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { guestUploadsApi } from "@/lib/api-client/guest-api";
import { db } from "@/lib/db";
import { createUploadRequest } from "@/lib/requests/create-upload-request";
import { bucket, s3 } from "@/lib/storage/s3";
import { guestResumeStore, type GuestResumeRecord } from "@/lib/upload-client/guest-resume-store";
import type { Transport } from "@/lib/upload-client/put-object";
import { memoryResumeStore } from "@/lib/upload-client/resume-store";
import { meta, newUser } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchTransport, partNumberOf } from "../support/node-transport";
import { engineFor, MiB, randomFile, settled, sha256 } from "../support/run-engine";

// The browser's guest client (lib/api-client/guest-api.ts) as the request page uses it, its
// relative URLs answered by the real route handlers, the bytes going to the real store: the
// upload keys it keeps in the resume store are what lets a reloaded page finish the upload.

const ROUTES: Array<[RegExp, string]> = [
  [/^\/api\/r\/([^/]+)\/uploads$/, "app/api/r/[token]/uploads/route.ts"],
  [/^\/api\/r\/([^/]+)\/uploads\/([^/]+)$/, "app/api/r/[token]/uploads/[id]/route.ts"],
  [/^\/api\/r\/([^/]+)\/uploads\/([^/]+)\/parts$/, "app/api/r/[token]/uploads/[id]/parts/route.ts"],
  [/^\/api\/r\/([^/]+)\/uploads\/([^/]+)\/complete$/, "app/api/r/[token]/uploads/[id]/complete/route.ts"],
];

const storeFetch = globalThis.fetch;
const routed = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
  const url = String(input);
  for (const [pattern, file] of ROUTES) {
    const match = pattern.exec(url);
    if (!match) continue;
    const params = { token: decodeURIComponent(match[1]), id: decodeURIComponent(match[2] ?? "") };
    const headers = { ...(init.headers as Record<string, string>), "x-forwarded-for": "192.0.2.50" };
    const answer = await serve(file, { method: init.method ?? "GET", url, params, headers, body: init.body ?? undefined });
    globalThis.fetch = routed; // Next's route module patches the global fetch as it handles a request
    return answer;
  }
  return storeFetch(input, init);
};
vi.stubGlobal("fetch", routed);

let owner: string;
beforeAll(async () => {
  owner = await newUser("Asker");
});

describe("a guest's upload across a reload", () => {
  it("resumes from the parts already stored, with the upload key its resume record kept", async () => {
    const { url } = await createUploadRequest(owner, { label: "Big scan", expiresInSeconds: 3600, askName: true }, meta);
    const token = new URL(url).pathname.split("/")[2];
    const shared = memoryResumeStore<GuestResumeRecord>(); // IndexedDB, as it outlives the page
    const page = () => {
      const keys = new Map<string, string>();
      return { api: guestUploadsApi(token, () => ({ guestName: "Ada" }), keys), store: guestResumeStore(token, keys, shared) };
    };
    const file = randomFile("scan.bin", 6 * MiB);

    // The first page stores part 1, then is left while part 2 is on its way.
    const leaving: Transport = (request) => {
      if (partNumberOf(request.url) === 1) return fetchTransport(request);
      setTimeout(() => first.pause(must(first.views()[0], "the task").id));
      return new Promise((_, reject) => request.signal?.addEventListener("abort", () => reject(request.signal?.reason)));
    };
    const one = page();
    const first = engineFor(one.api, leaving, { store: one.store, concurrency: 1 });
    await first.add([{ file }]);
    await settled(first, ["paused"]);
    const [saved] = await shared.list();
    expect(saved.uploadKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // A new page knows no key until its resume store gives it back; the same file dropped again goes on.
    const sent: number[] = [];
    const counting: Transport = (request) => (sent.push(partNumberOf(request.url)), fetchTransport(request));
    const two = page();
    const second = engineFor(two.api, counting, { store: two.store });
    await second.restore();
    expect(second.views().map((view) => [view.name, view.state])).toEqual([["scan.bin", "interrupted"]]);
    await second.add([{ file }]);
    const [done] = await settled(second);
    expect(done.state, done.error).toBe("done");
    expect(sent).toEqual([2]);
    expect(await shared.list()).toEqual([]);

    const row = await db.upload.findUniqueOrThrow({ where: { id: done.uploadId } });
    expect([row.status, row.guestName, row.ownerId, row.partCount]).toEqual(["COMPLETE", "Ada", owner, 2]);
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: row.key }));
    expect(sha256(await must(object.Body, "the object").transformToByteArray())).toBe(sha256(new Uint8Array(await file.arrayBuffer())));
  });

  it("cannot reach an upload without its key; a made-up key is refused by the server", async () => {
    const { url } = await createUploadRequest(owner, { label: "Other", expiresInSeconds: 3600 }, meta);
    const token = new URL(url).pathname.split("/")[2];
    const keys = new Map<string, string>();
    const api = guestUploadsApi(token, () => ({}), keys);
    const ticket = await api.createUpload({ name: "note.txt", type: "text/plain", size: 5 });
    expect((await api.getUpload(ticket.upload.id)).id).toBe(ticket.upload.id);
    const stranger = guestUploadsApi(token, () => ({}), new Map());
    await expect(stranger.getUpload(ticket.upload.id)).rejects.toMatchObject({ status: 404 });
    // A key that is someone else's is refused by the server, not only by the client.
    const forged = guestUploadsApi(token, () => ({}), new Map([[ticket.upload.id, "A".repeat(43)]]));
    await expect(forged.getUpload(ticket.upload.id)).rejects.toMatchObject({ status: 404, code: "not_found" });
    await expect(forged.deleteUpload(ticket.upload.id)).rejects.toMatchObject({ status: 404 });
    await api.deleteUpload(ticket.upload.id);
  });
});
