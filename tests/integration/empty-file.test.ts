import "../support/use-clamd";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as sharePage } from "@/app/s/[token]/route";
import { readTextPreview } from "@/lib/admin/uploads/read-text-preview";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/start-workers";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import type { TaskView } from "@/lib/upload-client/upload-task";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { incomingKey } from "@/lib/uploads/object-keys";
import { domainApi } from "../support/domain-api";
import { meta, newTrustedUser } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchTransport } from "../support/node-transport";
import { processed } from "../support/processing-helpers";
import { fetchBytes, storedEtag } from "../support/review-helpers";
import { engineFor, settled } from "../support/run-engine";

// The digests of no bytes at all, as S3 (ETag), Content-MD5 and SHA-256 write them.
const EMPTY_MD5_HEX = "d41d8cd98f00b204e9800998ecf8427e";
const EMPTY_MD5_BASE64 = "1B2M2Y8AsgTpgAmY7PhCfg==";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

let owner: string;

beforeAll(async () => {
  owner = await newTrustedUser("Empty"); // approved at completion, so a link can be made at once
  await startWorkers();
});

afterAll(() => stopBoss());

/** Sends an empty file through the browser's upload engine (real radosgw); returns the upload id and every view it showed. */
async function uploadThroughEngine(name: string, type: string) {
  const engine = engineFor(domainApi(owner).api, fetchTransport);
  const shown: TaskView[] = [];
  engine.subscribe(() => shown.push(...engine.views()));
  await engine.add([{ file: new File([], name, { type }), folder: "project" }]);
  const [view] = await settled(engine);
  expect(view.state, view.error).toBe("done");
  return { id: must(view.uploadId, "an upload id"), shown: [...shown, view] };
}

describe("an empty file", () => {
  it("goes through the engine as a single PUT, without NaN, and is copied from incoming/ to its key", async () => {
    const { id, shown } = await uploadThroughEngine(".gitkeep", "");
    for (const view of shown) {
      expect([view.sent, view.confirmed, view.speed, view.eta ?? 0].every(Number.isFinite), JSON.stringify(view)).toBe(true);
      expect(view.sent).toBe(0);
    }
    const row = await db.upload.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.strategy, row.size, row.etag, row.folder]).toEqual(["COMPLETE", "SINGLE", 0n, EMPTY_MD5_HEX, "project"]);
    expect(await storedEtag(row.key)).toBe(EMPTY_MD5_HEX);
    expect(await storedEtag(incomingKey(row.key))).toBeNull();
  });

  it("signs Content-Length 0 and the MD5 of no bytes into its URL; S3 refuses a byte more", async () => {
    const ticket = await createUploadSlot(owner, { name: "marker", type: "text/plain", size: 0, md5: EMPTY_MD5_BASE64 }, meta);
    if (ticket.strategy !== "single") throw new Error(`an empty file planned as ${ticket.strategy}`);
    expect(ticket.headers["Content-MD5"]).toBe(EMPTY_MD5_BASE64);
    expect(new URL(ticket.url).searchParams.get("X-Amz-SignedHeaders")).toContain("content-length");
    const put = (body: Uint8Array<ArrayBuffer>) => fetch(ticket.url, { method: "PUT", headers: ticket.headers, body });
    expect((await put(new Uint8Array([0x41]))).status).toBe(403);
    expect((await put(new Uint8Array())).status).toBe(200);
    expect((await completeUpload(owner, ticket.upload.id, meta)).status).toBe("COMPLETE");
  });

  it("is processed: the SHA-256 of no bytes, no type, scanned clean by clamd, no thumbnail", async () => {
    const { id } = await uploadThroughEngine("blank.png", "image/png");
    const row = await processed(id);
    expect([row.processing, row.sha256, row.detectedType, row.typeMismatch, row.scanSignature, row.thumbnailKey]).toEqual(["CLEAN", EMPTY_SHA256, null, false, null, null]);
    expect(row.scannedWith).toBeTruthy();
    expect(row.processingError).toBeNull();
  });

  it("is downloaded by its owner and through a share link, whose page says it is empty", async () => {
    const { id } = await uploadThroughEngine("empty.txt", "text/plain");
    await processed(id);
    expect((await fetchBytes(await downloadOwnUpload(owner, id, meta))).length).toBe(0);
    const { url } = await createShareLink(owner, id, { expiresInSeconds: 600 }, meta);
    const token = must(url.split("/s/")[1], "a token");
    const page = await sharePage(new Request(url, { headers: { accept: "text/html" } }), { params: Promise.resolve({ token }) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<dd>0 B (an empty file)</dd>");
    expect((await fetchBytes((await redeemShareLink(token, undefined, meta)).url)).length).toBe(0);
  });

  it("has an empty text preview for the admin (a ranged read of no bytes)", async () => {
    const { id } = await uploadThroughEngine("notes.txt", "text/plain");
    expect(await readTextPreview(id)).toEqual({ text: "", truncated: false });
  });
});
