import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
});

import { GET as previewRoute } from "@/app/api/admin/uploads/[id]/preview/route";
import { GET as textRoute } from "@/app/api/admin/uploads/[id]/text/route";
import { GET as sharePageRoute } from "@/app/s/[token]/route";
import { GET as shareDownloadRoute, HEAD as shareCheckRoute } from "@/app/s/[token]/download/route";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { updateUser } from "@/lib/admin/users/update-user";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { downloadOwnUpload } from "@/lib/uploads/download-own-upload";
import { quarantineKey } from "@/lib/uploads/object-keys";
import { signParts } from "@/lib/uploads/sign-parts";
import { meta, newTrustedUser, newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchBytes, finishedUpload, newAdmin, storedEtag } from "../support/review-helpers";
import { callRoute, errorCode } from "../support/route-call";
import { sessionFor } from "../support/session-cookie";

// Review bypass: getting bytes no admin approved to someone else, or changing approved bytes.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

const MiB = 1024 ** 2;
const hour = { expiresInSeconds: 3600 };
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const tokenOf = (url: string) => new URL(url).pathname.replace(/^.*\//, "");
const row = (id: string) => db.upload.findUniqueOrThrow({ where: { id } });
const code = async (promise: Promise<unknown>) => (await rejection(promise)).code;
let ip = 0;

/** Every public way into a link: page, download (GET) and link check (HEAD); their statuses and the download's code. */
async function publicAnswers(token: string) {
  const call = async (handler: Parameters<typeof callRoute>[0], method: string, path: string) =>
    callRoute(handler, method, path, { params: { token }, headers: { "x-forwarded-for": `203.0.113.${++ip}` } });
  const download = await call(shareDownloadRoute, "GET", `/s/${token}/download`);
  return {
    page: (await call(sharePageRoute, "GET", `/s/${token}`)).status,
    download: [download.status, await errorCode(download)],
    check: (await call(shareCheckRoute, "HEAD", `/s/${token}/download`)).status,
  };
}
const gone = (code: string) => ({ page: 410, download: [410, code], check: 410 });

async function singleTicket(owner: string, bytes: Uint8Array, type = "application/octet-stream") {
  const ticket = await createUploadSlot(owner, { name: "file.bin", type, size: bytes.length }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  return ticket;
}
const put = (ticket: { url: string; headers: Record<string, string> }, bytes: Uint8Array) =>
  fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) });

/** An admin's preview (302 through the route), as the review page loads it. */
async function preview(admin: string, id: string) {
  session.current = await sessionFor(admin);
  const response = await callRoute(previewRoute, "GET", `/api/admin/uploads/${id}/preview`, { params: { id } });
  return { status: response.status, code: await errorCode(response), location: response.headers.get("location") };
}

let ann: string;
let uma: string;

beforeAll(async () => {
  [ann, uma] = await Promise.all([newAdmin("Ann"), newUser("Uma")]);
});

describe("a file waiting for review", () => {
  it("reaches nobody but its owner, through a 60-second URL; no link before or after completion", async () => {
    const bytes = randomBytes(500);
    const ticket = await singleTicket(uma, bytes);
    expect(await code(createShareLink(uma, ticket.upload.id, hour, meta))).toBe("upload_not_ready");
    expect((await put(ticket, bytes)).status).toBe(200);
    await completeUpload(uma, ticket.upload.id, meta);
    expect((await row(ticket.upload.id)).review).toBe("PENDING");
    expect(await code(createShareLink(uma, ticket.upload.id, { ...hour, password: "a password!" }, meta))).toBe("upload_pending_review");
    expect(await db.shareLink.count({ where: { uploadId: ticket.upload.id } })).toBe(0);

    const own = new URL(await downloadOwnUpload(uma, ticket.upload.id, meta));
    expect(own.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(own.searchParams.get("response-content-disposition")).toMatch(/^attachment;/);
    expect(await fetchBytes(own.toString())).toEqual(bytes);
  });

  it("takes its review state from its owner at completion: trust given afterwards approves nothing, trust taken away before completion counts", async () => {
    const owner = await newUser("Flip");
    const waiting = await finishedUpload(owner, "before.bin", "application/octet-stream", randomBytes(100));
    await updateUser(ann, owner, { trusted: true }, meta);
    expect((await row(waiting)).review).toBe("PENDING");
    expect(await code(createShareLink(owner, waiting, hour, meta))).toBe("upload_pending_review");

    const bytes = randomBytes(100);
    const ticket = await singleTicket(owner, bytes);
    expect((await put(ticket, bytes)).status).toBe(200);
    await updateUser(ann, owner, { trusted: false }, meta);
    await completeUpload(owner, ticket.upload.id, meta);
    expect((await row(ticket.upload.id)).review).toBe("PENDING");
  });

  it("shared while review was off keeps its link once review is on, and an admin can still take it down", async () => {
    env.REVIEW_MODE = "off";
    const id = await finishedUpload(uma, "early.bin", "application/octet-stream", randomBytes(100)).finally(() => {
      env.REVIEW_MODE = "required";
    });
    const token = tokenOf((await createShareLink(uma, id, hour, meta)).url);
    expect((await row(id)).review).toBe("NONE");
    expect((await fetch((await redeemShareLink(token, undefined, meta)).url)).status).toBe(200);
    await decideReview(ann, id, { decision: "reject", note: "not on review-off terms" }, meta);
    expect(await publicAnswers(token)).toEqual(gone("link_file_gone"));
    expect(await storedEtag((await row(id)).key)).toBeNull();
  });
});

describe("a rejected file", () => {
  it("serves no bytes to anyone: links 410, owner 409, URLs issued before the rejection stop working", async () => {
    const tess = await newTrustedUser("Tess");
    const bytes = randomBytes(700);
    const id = await finishedUpload(tess, "live.png", "image/png", bytes);
    const token = tokenOf((await createShareLink(tess, id, hour, meta)).url);
    const ownerUrl = await downloadOwnUpload(tess, id, meta);
    const linkUrl = (await redeemShareLink(token, undefined, meta)).url;
    const previewUrl = must((await preview(ann, id)).location, "a preview URL");

    await decideReview(ann, id, { decision: "reject", note: "takedown" }, meta);
    expect(await publicAnswers(token)).toEqual(gone("link_file_gone"));
    expect(await code(downloadOwnUpload(tess, id, meta))).toBe("upload_rejected");
    expect(await code(createShareLink(tess, id, hour, meta))).toBe("upload_rejected");
    for (const url of [ownerUrl, linkUrl, previewUrl]) expect((await fetch(url)).status, "a URL signed before the rejection").toBe(404);
    // Only an admin's new preview reaches the quarantined bytes.
    const quarantined = must((await preview(ann, id)).location, "a preview URL");
    expect(new URL(quarantined).pathname).toContain(`/${quarantineKey((await row(id)).key)}`);
    expect(await fetchBytes(quarantined)).toEqual(bytes);
  });
});

describe("approving a quarantined file", () => {
  it("brings back exactly the bytes reviewed, with the ETag recorded at completion (single PUT)", async () => {
    const bytes = randomBytes(4096);
    const ticket = await singleTicket(uma, bytes, "image/png");
    expect((await put(ticket, bytes)).status).toBe(200);
    await completeUpload(uma, ticket.upload.id, meta);
    const { etag, key } = await row(ticket.upload.id);
    const reviewed = await fetchBytes(must((await preview(ann, ticket.upload.id)).location, "a preview URL"));
    expect(reviewed).toEqual(bytes);

    await decideReview(ann, ticket.upload.id, { decision: "reject", note: "looks off" }, meta);
    // The old URL writes again while the file waits in quarantine: it lands under incoming/ only.
    expect((await put(ticket, randomBytes(4096))).status).toBe(200);
    await decideReview(ann, ticket.upload.id, { decision: "approve" }, meta);
    expect(await completeUpload(uma, ticket.upload.id, meta)).toMatchObject({ status: "COMPLETE", etag });
    expect(await storedEtag(key)).toBe(etag);
    expect(await storedEtag(quarantineKey(key))).toBeNull();
    const token = tokenOf((await createShareLink(uma, ticket.upload.id, hour, meta)).url);
    expect(sha(await fetchBytes((await redeemShareLink(token, undefined, meta)).url))).toBe(sha(reviewed));
  });

  it("brings back exactly the bytes reviewed, with the ETag recorded at completion (multipart); old part URLs stay closed", async () => {
    const bytes = randomBytes(6 * MiB);
    const ticket = await createUploadSlot(uma, { name: "big.bin", type: "video/mp4", size: bytes.length }, meta);
    if (ticket.strategy !== "multipart") throw new Error("expected multipart");
    const { parts } = await signParts(uma, ticket.upload.id, { parts: [{ number: 1 }, { number: 2 }] });
    const slice = (number: number) => bytes.subarray((number - 1) * ticket.partSize, number * ticket.partSize);
    for (const part of parts) expect((await fetch(part.url, { method: "PUT", headers: part.headers, body: new Uint8Array(slice(part.number)) })).status).toBe(200);
    await completeUpload(uma, ticket.upload.id, meta);
    const { etag, key } = await row(ticket.upload.id);
    expect(etag).toMatch(/-2$/);

    await decideReview(ann, ticket.upload.id, { decision: "reject", note: "hold" }, meta);
    await decideReview(ann, ticket.upload.id, { decision: "approve" }, meta);
    for (const part of parts) {
      const again = await fetch(part.url, { method: "PUT", headers: part.headers, body: new Uint8Array(randomBytes(slice(part.number).length)) });
      expect(again.status, `part ${part.number} after approval`).toBe(404);
    }
    expect(await code(signParts(uma, ticket.upload.id, { parts: [{ number: 1 }] }))).toBe("upload_closed");
    const token = tokenOf((await createShareLink(uma, ticket.upload.id, hour, meta)).url);
    expect(sha(await fetchBytes((await redeemShareLink(token, undefined, meta)).url))).toBe(sha(bytes));
    expect(await storedEtag(key), "the object's ETag after its round trip through quarantine/").toBe(etag);
  });
});

describe("previews an attacker prepares for an admin", () => {
  const HTML = Buffer.from('<!doctype html><script>fetch("/api/admin/users/x",{method:"PATCH"})</script>');

  it("serve bytes as their declared, normalised media type and inline only for media, from the storage origin", async () => {
    for (const [declared, stored] of [
      ["IMAGE/PNG; charset=utf-8", "image/png"],
      ["image/png; x=text/html", "image/png"],
      ["video/mp4", "video/mp4"],
      ["audio/mpeg", "audio/mpeg"],
    ]) {
      const ticket = await singleTicket(uma, HTML, declared);
      expect((await put(ticket, HTML)).status).toBe(200);
      await completeUpload(uma, ticket.upload.id, meta);
      expect((await row(ticket.upload.id)).contentType).toBe(stored);
      const { status, location } = await preview(ann, ticket.upload.id);
      expect(status).toBe(302);
      const url = must(location, "a preview URL");
      expect(new URL(url).origin).not.toBe(new URL(env.APP_URL).origin);
      const served = await fetch(url);
      expect([served.status, served.headers.get("content-type"), served.headers.get("content-disposition")?.split(";")[0]], declared).toEqual([200, stored, "inline"]);
    }
  });

  it("refuse an inline preview to markup however it is labelled, and send its text as JSON", async () => {
    for (const declared of ["text/html", "Image/SVG+XML", "application/xhtml+xml", "text/xml", "application/octet-stream"]) {
      const ticket = await singleTicket(uma, HTML, declared);
      expect((await put(ticket, HTML)).status).toBe(200);
      await completeUpload(uma, ticket.upload.id, meta);
      expect(await preview(ann, ticket.upload.id), declared).toMatchObject({ status: 409, code: "not_previewable", location: null });
      const text = await callRoute(textRoute, "GET", `/api/admin/uploads/${ticket.upload.id}/text`, { params: { id: ticket.upload.id } });
      if (declared === "application/octet-stream") {
        expect(await errorCode(text)).toBe("not_previewable");
        continue;
      }
      expect(text.headers.get("content-type"), declared).toMatch(/^application\/json/);
      expect((await text.json()).text).toBe(HTML.toString());
      // Its owner's download is an attachment: a browser saves it instead of rendering it.
      const own = await fetch(await downloadOwnUpload(uma, ticket.upload.id, meta));
      expect(own.headers.get("content-disposition"), declared).toMatch(/^attachment;/);
    }
  });
});
