import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { HttpError } from "@/lib/errors";

// Stands in for next-auth: the request is made by `session.user`, an admin unless a test says otherwise.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", () => ({
  requireUser: vi.fn(),
  requireAdmin: vi.fn(async () => {
    if (!session.user) throw new HttpError({ code: "unauthenticated", message: "Sign in to continue." });
    if (session.user.role !== "ADMIN") throw new HttpError({ code: "forbidden", message: "Only administrators can do this." });
    return session.user;
  }),
}));

import * as bulkReview from "@/app/api/admin/uploads/review/route";
import * as queue from "@/app/api/admin/uploads/route";
import * as preview from "@/app/api/admin/uploads/[id]/preview/route";
import * as review from "@/app/api/admin/uploads/[id]/review/route";
import * as one from "@/app/api/admin/uploads/[id]/route";
import * as text from "@/app/api/admin/uploads/[id]/text/route";
import { db } from "@/lib/db";
import { newUser } from "../support/domain-helpers";
import { finishedUpload, newAdmin } from "../support/review-helpers";

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

const base = "http://127.0.0.1:3000/api/admin/uploads";
function call(handler: Handler, path: string, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers = body === undefined ? undefined : { "content-type": "application/json" };
  return handler(new Request(`${base}${path}`, { method: init.method ?? "GET", body, headers }), { params: Promise.resolve(init.params ?? {}) });
}
const errorOf = async (response: Response) => [response.status, ((await response.json()) as { error: { code: string } }).error.code];

let uma: string;
let pngId: string;
let htmlId: string;

beforeAll(async () => {
  const admin = await newAdmin("Ann");
  uma = await newUser("Uma");
  session.user = { id: admin, email: "ann@test.local", name: "Ann", role: "ADMIN" };
  pngId = await finishedUpload(uma, "pic.png", "image/png", Buffer.from("not really a png"));
  htmlId = await finishedUpload(uma, "page.html", "text/html", Buffer.from("<script>alert(1)</script>"));
});

describe("admin upload routes", () => {
  it("are for admins only", async () => {
    const admin = session.user;
    session.user = { id: uma, email: "uma@test.local", name: "Uma", role: "USER" };
    try {
      expect(await errorOf(await call(queue.GET, ""))).toEqual([403, "forbidden"]);
      expect(await errorOf(await call(review.POST, `/${pngId}/review`, { method: "POST", body: { decision: "approve" }, params: { id: pngId } }))).toEqual([403, "forbidden"]);
    } finally {
      session.user = admin;
    }
    expect((await db.upload.findUniqueOrThrow({ where: { id: pngId } })).review).toBe("PENDING");
  });

  it("list the queue and refuse bad queries with 422", async () => {
    const response = await call(queue.GET, "?review=pending&limit=1&owner=");
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Array<{ id: string; owner: { id: string } }>; nextCursor: string | null };
    expect([page.items.length, page.items[0].owner.id, typeof page.nextCursor]).toEqual([1, uma, "string"]);
    expect(await errorOf(await call(queue.GET, "?review=bogus"))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await call(queue.GET, `?cursor=${randomUUID()}`))).toEqual([422, "invalid_cursor"]);
  });

  it("show one upload; 404 for unknown or malformed ids, and for GET on the bulk address", async () => {
    const response = await call(one.GET, `/${pngId}`, { params: { id: pngId } });
    expect(((await response.json()) as { upload: { id: string; quarantined: boolean } }).upload).toMatchObject({ id: pngId, quarantined: false });
    expect(await errorOf(await call(one.GET, `/${randomUUID()}`, { params: { id: randomUUID() } }))).toEqual([404, "not_found"]);
    expect(await errorOf(await call(one.GET, "/nope", { params: { id: "nope" } }))).toEqual([404, "not_found"]);
    expect(await errorOf(await call(bulkReview.GET, "/review"))).toEqual([404, "not_found"]);
  });

  it("redirect a preview to a presigned GET, and send text as JSON", async () => {
    const response = await call(preview.GET, `/${pngId}/preview`, { params: { id: pngId } });
    expect([response.status, response.headers.get("cache-control")]).toEqual([302, "no-store"]);
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("response-content-disposition")).toMatch(/^inline;/);
    const textAnswer = await call(text.GET, `/${htmlId}/text`, { params: { id: htmlId } });
    expect(textAnswer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await textAnswer.json()).toEqual({ text: "<script>alert(1)</script>", truncated: false });
    expect(await errorOf(await call(preview.GET, `/${htmlId}/preview`, { params: { id: htmlId } }))).toEqual([409, "not_previewable"]);
  });

  it("validate a decision before changing anything", async () => {
    const post = (body: unknown) => call(review.POST, `/${pngId}/review`, { method: "POST", body, params: { id: pngId } });
    expect(await errorOf(await post({ decision: "reject" }))).toEqual([422, "note_required"]);
    expect(await errorOf(await post({ decision: "reject", note: " \n " }))).toEqual([422, "note_required"]);
    expect(await errorOf(await post({ decision: "reject", note: "x".repeat(1001) }))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await post({ decision: "maybe" }))).toEqual([422, "validation_failed"]);
    expect(await errorOf(await call(review.POST, `/${pngId}/review`, { method: "POST", params: { id: pngId } }))).toEqual([422, "validation_failed"]);
    expect((await db.upload.findUniqueOrThrow({ where: { id: pngId } })).review).toBe("PENDING");

    const approved = await post({ decision: "approve", note: "ok" });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { upload: { review: string; reviewNote: string } }).upload).toMatchObject({ review: "APPROVED", reviewNote: "ok" });
  });

  it("decide in bulk, refusing an empty or oversized batch", async () => {
    const post = (body: unknown) => call(bulkReview.POST, "/review", { method: "POST", body });
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
