import { beforeAll, describe, expect, it, vi } from "vitest";

// Small plans so a few MiB make a multipart upload; small guest budgets so the limits are reached.
vi.hoisted(() => {
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
  process.env.REQUEST_ACCESS_PER_IP_PER_MINUTE = "40";
  process.env.REQUEST_ACCESS_PER_REQUEST_PER_MINUTE = "80";
});

import { GUEST_ROUTES as R, guestApi, guestCall, outcome } from "../support/guest-api";
import { db } from "@/lib/db";
import { revokeUploadRequest } from "@/lib/requests/revoke-upload-request";
import type { GuestTicket } from "@/lib/requests/request-json";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { headObject } from "@/lib/storage/objects";
import { listUploads } from "@/lib/uploads/list-uploads";
import { incomingKey } from "@/lib/uploads/object-keys";
import { sweepUploads } from "@/lib/uploads/sweep-uploads";
import { meta, newTrustedUser, testPassword } from "../support/domain-helpers";
import { fetchTransport } from "../support/node-transport";
import { newRequest } from "../support/request-helpers";
import { engineFor, MiB, randomFile, settled } from "../support/run-engine";

// A guest without an account, through the real route handlers: the upload engine sends files to
// the owner, and every route a guest can call holds the token's request and the upload key to it.

let owner: string;
let addresses = 0;
const freshIp = () => `198.18.0.${++addresses}`;

beforeAll(async () => {
  owner = await newTrustedUser("Rita");
});

/** A guest's new single-PUT slot (6 bytes declared) through the route: its ticket. */
async function slot(token: string, body: Record<string, unknown> = {}): Promise<GuestTicket> {
  const response = await guestCall(R.uploads, "POST", { token, body: { name: "a.txt", type: "text/plain", size: 6, ...body }, ip: freshIp() });
  expect(response.status).toBe(201);
  return response.json();
}

/** Every guest route that acts on one upload, with a body that would be valid. */
const UPLOAD_ROUTES: [string, string, unknown?][] = [
  [R.upload, "GET"],
  [R.upload, "DELETE"],
  [R.parts, "GET"],
  [R.parts, "POST", { parts: [{ number: 1 }] }],
  [R.complete, "POST"],
];

describe("a guest's upload through the routes", () => {
  it("sends a single file and a multipart one with the browser's engine; the owner sees them received, waiting for review", async () => {
    const request = await newRequest(owner, { label: "Holiday photos", askName: true, password: testPassword });
    const { api } = guestApi(request.token, { guestName: "Gus", password: testPassword }, freshIp());
    const engine = engineFor(api, fetchTransport);
    await engine.add([{ file: randomFile("small.bin", 1000) }, { file: randomFile("big.bin", 11 * MiB), folder: "trip" }]);
    const views = await settled(engine);
    expect(views.map((view) => [view.name, view.state, view.error])).toEqual([
      ["small.bin", "done", undefined],
      ["big.bin", "done", undefined],
    ]);

    const mine = (await listUploads(owner, { limit: 10 })).items.filter((item) => item.receivedVia).sort((a, b) => a.name.localeCompare(b.name));
    expect(mine.map((item) => [item.name, item.strategy, item.status, item.review, item.folder])).toEqual([
      ["big.bin", "MULTIPART", "COMPLETE", "PENDING", "trip"],
      ["small.bin", "SINGLE", "COMPLETE", "PENDING", null],
    ]);
    expect(mine[0].receivedVia).toEqual({ requestId: request.id, label: "Holiday photos", guestName: "Gus", guestEmail: null });
    // Completion queued them for processing, as any finished upload.
    const rows = await db.upload.findMany({ where: { requestId: request.id }, select: { processing: true, processingQueuedAt: true } });
    expect(rows.every((row) => row.processing !== null && row.processingQueuedAt !== null)).toBe(true);
  });

  it("shows a guest their file without the owner's review note or thumbnail address", async () => {
    const request = await newRequest(owner);
    const ticket = await slot(request.token);
    await db.upload.update({ where: { id: ticket.upload.id }, data: { reviewNote: "owner's eyes only", reviewedAt: new Date() } });
    const response = await guestCall(R.upload, "GET", { token: request.token, id: ticket.upload.id, key: ticket.uploadKey, ip: freshIp() });
    const { upload } = await response.json();
    expect([upload.id, upload.reviewNote, upload.reviewedAt, upload.receivedVia]).toEqual([ticket.upload.id, null, null, null]);
    expect(JSON.stringify(upload)).not.toContain(owner);
  });

  it("answers 404 to another guest's key, to the right key through another request, to no key, and for the owner's own upload", async () => {
    const request = await newRequest(owner);
    const elsewhere = await newRequest(owner);
    const multipart = { name: "big.bin", type: "application/octet-stream", size: 6 * MiB };
    const [mine, theirs, other] = await Promise.all([slot(request.token, multipart), slot(request.token, multipart), slot(elsewhere.token, multipart)]);
    const ownersOwn = await createUploadSlot(owner, multipart, meta);
    const strangers: [string, { token: string; id: string; key?: string }][] = [
      ["another guest's key", { token: request.token, id: theirs.upload.id, key: mine.uploadKey }],
      ["its own key through another request", { token: elsewhere.token, id: mine.upload.id, key: mine.uploadKey }],
      ["another request's upload with this request's key", { token: request.token, id: other.upload.id, key: mine.uploadKey }],
      ["no key", { token: request.token, id: mine.upload.id }],
      ["a made-up key", { token: request.token, id: mine.upload.id, key: "K".repeat(43) }],
      ["the owner's own upload", { token: request.token, id: ownersOwn.upload.id, key: mine.uploadKey }],
    ];
    const wrong: string[] = [];
    for (const [route, method, body] of UPLOAD_ROUTES) {
      for (const [who, address] of strangers) {
        const got = await outcome(await guestCall(route, method, { ...address, body, ip: freshIp() }));
        if (got !== "404 not_found") wrong.push(`${method} ${route} with ${who}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
    // Nothing was touched: every slot is still open and unsigned.
    const rows = await db.upload.findMany({ where: { id: { in: [mine, theirs, other].map((each) => each.upload.id).concat(ownersOwn.upload.id) } } });
    expect(rows.map((row) => row.status)).toEqual(["PENDING", "PENDING", "PENDING", "PENDING"]);
  });

  it("answers 410 on every guest route once the request expired or was revoked", async () => {
    for (const end of ["expired", "revoked"] as const) {
      const request = await newRequest(owner, { password: testPassword });
      const ticket = await slot(request.token, { name: "big.bin", size: 6 * MiB, password: testPassword });
      if (end === "revoked") await revokeUploadRequest(owner, request.id, meta);
      else await db.uploadRequest.update({ where: { id: request.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const calls: [string, string, unknown?][] = [
        [R.info, "GET"],
        [R.password, "POST", { password: testPassword }],
        [R.uploads, "POST", { name: "b.txt", type: "text/plain", size: 3, password: testPassword }],
        ...UPLOAD_ROUTES,
      ];
      const got = await Promise.all(
        calls.map(async ([route, method, body]) =>
          outcome(await guestCall(route, method, { token: request.token, id: ticket.upload.id, key: ticket.uploadKey, body, ip: freshIp() })),
        ),
      );
      expect(got).toEqual(Array(calls.length).fill(`410 request_${end}`));
    }
  });

  it("keeps nothing a guest writes through a URL signed before the revoke: never received, never served, swept later", async () => {
    const request = await newRequest(owner);
    const ticket = await slot(request.token);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    await revokeUploadRequest(owner, request.id, meta);
    // The store cannot know of the revoke: the URL may still write, into incoming/ only.
    const put = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: "late!!" });
    expect(put.status).toBeLessThan(500);
    const complete = await guestCall(R.complete, "POST", { token: request.token, id: ticket.upload.id, key: ticket.uploadKey, ip: freshIp() });
    expect(await outcome(complete)).toBe("410 request_revoked");
    const row = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    expect([row.status, row.completedAt]).toEqual(["ABORTED", null]);
    expect(await headObject(row.key)).toBeNull();
    const received = await listUploads(owner, { limit: 100, received: true });
    expect(received.items.map((item) => item.id)).not.toContain(row.id);
    expect(await headObject(incomingKey(row.key))).not.toBeNull();
    const later = new Date(Date.now() + 20 * 60_000); // every URL signed now has expired by then
    expect((await sweepUploads({ now: later, prefix: `u/${owner}/${row.id}/` })).incomingRemoved).toBe(1);
    expect(await headObject(incomingKey(row.key))).toBeNull();
  });

  it("limits each address, and each request link from everywhere, with 429 and Retry-After", async () => {
    const request = await newRequest(owner);
    const ip = freshIp();
    const fromOne = await Promise.all(Array.from({ length: 41 }, () => guestCall(R.info, "GET", { token: request.token, ip })));
    expect(fromOne.map((response) => response.status).sort()).toEqual([...Array(40).fill(200), 429]);
    expect(Number(fromOne.find((response) => response.status === 429)?.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other addresses are still welcome, until the link has had its 80 a minute from everyone (the
    // address's refusal above came first and did not count for the link).
    const fromMany = await Promise.all(Array.from({ length: 41 }, () => guestCall(R.info, "GET", { token: request.token, ip: freshIp() })));
    expect(fromMany.map((response) => response.status).sort()).toEqual([...Array(40).fill(200), 429]);
    expect((await guestCall(R.info, "GET", { token: (await newRequest(owner)).token, ip: freshIp() })).status).toBe(200);
  });
});
