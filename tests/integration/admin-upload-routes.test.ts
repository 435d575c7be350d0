// First, before anything that loads Next (tests/support/next-route.ts says why).
import { errorOf, sessionCalls } from "../support/session-calls";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newUser } from "../support/domain-helpers";
import { finishedUpload, newAdmin } from "../support/review-helpers";

const R = {
  bulkReview: "app/api/admin/uploads/review/route.ts",
  queue: "app/api/admin/uploads/route.ts",
  preview: "app/api/admin/uploads/[id]/preview/route.ts",
  review: "app/api/admin/uploads/[id]/review/route.ts",
  one: "app/api/admin/uploads/[id]/route.ts",
  text: "app/api/admin/uploads/[id]/text/route.ts",
};
const session = sessionCalls();
const base = "/api/admin/uploads";
const call = (file: string, path: string, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) =>
  session.call(file, `${base}${path}`, init.params, init.method, init.body);

let admin: string;
let uma: string;
let pngId: string;
let htmlId: string;

beforeAll(async () => {
  admin = await newAdmin("Ann");
  uma = await newUser("Uma");
  await session.as(admin);
  pngId = await finishedUpload(uma, "pic.png", "image/png", Buffer.from("not really a png"));
  htmlId = await finishedUpload(uma, "page.html", "text/html", Buffer.from("<script>alert(1)</script>"));
});

describe("admin upload routes", () => {
  it("are for admins only", async () => {
    await session.as(uma);
    try {
      expect(await errorOf(await call(R.queue, ""))).toEqual([403, "forbidden"]);
      expect(await errorOf(await call(R.review, `/${pngId}/review`, { method: "POST", body: { decision: "approve" }, params: { id: pngId } }))).toEqual([403, "forbidden"]);
    } finally {
      await session.as(admin);
    }
    expect((await db.upload.findUniqueOrThrow({ where: { id: pngId } })).review).toBe("PENDING");
  });

  it("list the queue and refuse bad queries with 422", async () => {
    const response = await call(R.queue, "?review=pending&limit=1&owner=");
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Array<{ id: string; owner: { id: string } }>; nextCursor: string | null };
    expect([page.items.length, page.items[0].owner.id, typeof page.nextCursor]).toEqual([1, uma, "string"]);
    expect(await errorOf(await call(R.queue, "?review=bogus"))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await call(R.queue, `?cursor=${randomUUID()}`))).toEqual([422, "invalid_cursor"]);
  });

  it("show one upload; 404 for unknown or malformed ids, and for GET on the bulk address", async () => {
    const response = await call(R.one, `/${pngId}`, { params: { id: pngId } });
    expect(((await response.json()) as { upload: { id: string; quarantined: boolean } }).upload).toMatchObject({ id: pngId, quarantined: false });
    expect(await errorOf(await call(R.one, `/${randomUUID()}`, { params: { id: randomUUID() } }))).toEqual([404, "not_found"]);
    expect(await errorOf(await call(R.one, "/nope", { params: { id: "nope" } }))).toEqual([404, "not_found"]);
    expect(await errorOf(await call(R.bulkReview, "/review"))).toEqual([404, "not_found"]);
  });

  it("redirect a preview to a presigned GET, and send text as JSON", async () => {
    const response = await call(R.preview, `/${pngId}/preview`, { params: { id: pngId } });
    expect([response.status, response.headers.get("cache-control")]).toEqual([302, "no-store"]);
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("response-content-disposition")).toMatch(/^inline;/);
    const textAnswer = await call(R.text, `/${htmlId}/text`, { params: { id: htmlId } });
    expect(textAnswer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await textAnswer.json()).toEqual({ text: "<script>alert(1)</script>", truncated: false });
    expect(await errorOf(await call(R.preview, `/${htmlId}/preview`, { params: { id: htmlId } }))).toEqual([409, "not_previewable"]);
  });

  it("validate a decision before changing anything", async () => {
    const post = (body: unknown) => call(R.review, `/${pngId}/review`, { method: "POST", body, params: { id: pngId } });
    expect(await errorOf(await post({ decision: "reject" }))).toEqual([422, "note_required"]);
    expect(await errorOf(await post({ decision: "reject", note: " \n " }))).toEqual([422, "note_required"]);
    expect(await errorOf(await post({ decision: "reject", note: "x".repeat(1001) }))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await post({ decision: "maybe" }))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await call(R.review, `/${pngId}/review`, { method: "POST", params: { id: pngId } }))).toEqual([422, "validation_failed"]);
    expect((await db.upload.findUniqueOrThrow({ where: { id: pngId } })).review).toBe("PENDING");

    const approved = await post({ decision: "approve", note: "ok" });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { upload: { review: string; reviewNote: string } }).upload).toMatchObject({ review: "APPROVED", reviewNote: "ok" });
  });

  it("decide in bulk, refusing an empty or oversized batch", async () => {
    const post = (body: unknown) => call(R.bulkReview, "/review", { method: "POST", body });
    expect(await errorOf(await post({ ids: [], decision: "approve" }))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await post({ ids: Array.from({ length: 101 }, randomUUID), decision: "approve" }))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await post({ ids: ["not-an-id"], decision: "approve" }))).toEqual([422, "validation_failed"]);
    const unknown = randomUUID();
    const response = await post({ ids: [htmlId, unknown], decision: "reject", note: "no scripts" });
    expect(await response.json()).toEqual({
      results: [
        { id: htmlId, status: "ok" },
        { id: unknown, status: 404, code: "not_found" },
      ],
    });
  });
});
