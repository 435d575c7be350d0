import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HttpError } from "@/lib/errors";
import { revokeUploadRequest } from "@/lib/requests/revoke-upload-request";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { meta, newUser } from "../support/domain-helpers";
import { findGuestUpload } from "@/lib/requests/find-guest-upload";
import { finishUpload } from "@/lib/uploads/complete-upload";
import { guestSlot, newRequest, putBytes } from "../support/request-helpers";

// A request's limits hold when many guests drop files at once: slot creations through one request
// run one at a time under its row lock (after the owner's), so the N+1th file is refused whatever
// the timing. Real concurrency on PostgreSQL; PGlite runs the same calls one connection at a time.

let owner: string;
beforeAll(async () => {
  owner = await newUser("Racer");
});

/** What each call ended with: "ok" or the refusal's code. */
const outcomes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((result) => (result.status === "fulfilled" ? "ok" : result.reason instanceof HttpError ? result.reason.code : String(result.reason)));

it("opens exactly 3 of 20 slots asked for at once on a 3-file request; the rest are request_full", async () => {
  const request = await newRequest(owner, { maxFiles: 3 });
  const got = outcomes(await Promise.allSettled(Array.from({ length: 20 }, (_, i) => guestSlot(request.token, { name: `f${i}.txt` }))));
  expect(got.filter((each) => each === "ok")).toHaveLength(3);
  expect(got.filter((each) => each !== "ok")).toEqual(Array(17).fill("request_full"));
  expect(await db.upload.count({ where: { requestId: request.id } })).toBe(3);
});

it("never passes the total bytes, with guests and the owner's own uploads racing", async () => {
  const request = await newRequest(owner, { maxTotalBytes: 1000 });
  const sizes = Array.from({ length: 20 }, (_, i) => 100 + ((i * 37) % 250));
  const results = await Promise.allSettled([
    ...sizes.map((size, i) => guestSlot(request.token, { name: `b${i}.txt`, size })),
    ...Array.from({ length: 5 }, (_, i) => createUploadSlot(owner, { name: `own${i}.txt`, type: "text/plain", size: 10 }, meta)),
  ]);
  const got = outcomes(results);
  expect(got.slice(20)).toEqual(Array(5).fill("ok"));
  expect(new Set(got.slice(0, 20))).toEqual(new Set(["ok", "request_full"]));
  const { _sum } = await db.upload.aggregate({ _sum: { size: true }, where: { requestId: request.id } });
  const created = sizes.filter((_, i) => got[i] === "ok").reduce((sum, size) => sum + size, 0);
  expect(Number(_sum.size)).toBe(created);
  expect(created).toBeLessThanOrEqual(1000);
  // Refused only when the file did not fit in what was left.
  expect(Math.min(...sizes.filter((_, i) => got[i] !== "ok"))).toBeGreaterThan(1000 - created);
});

it("leaves no slot open once a revocation that raced with new slots is done", async () => {
  const request = await newRequest(owner);
  const creations = Array.from({ length: 12 }, (_, i) => guestSlot(request.token, { name: `r${i}.txt` }));
  const [revoked, ...created] = await Promise.allSettled([revokeUploadRequest(owner, request.id, meta), ...creations]);
  expect(revoked.status).toBe("fulfilled");
  expect(outcomes(created).every((each) => each === "ok" || each === "request_revoked")).toBe(true);
  expect(await db.upload.count({ where: { requestId: request.id, status: { in: ["PENDING", "UPLOADING"] } } })).toBe(0);
});

// The lock order of tests/integration/totals-lock-order.test.ts with guests in it: a guest's slot
// locks the owner's row, then the request's; a completion locks its upload's row, then (trigger) the
// owner's; a revocation locks the request's row alone, then cancels slots one row at a time.
// PostgreSQL only: PGlite has one connection, where nothing waits on anything.
it.runIf(process.env.VITEST_PROJECT_DB === "postgres")("creates guest and owner slots, completes guest uploads and revokes at once without a deadlock", async () => {
  const request = await newRequest(owner);
  for (let round = 0; round < 3; round++) {
    const sent = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const ticket = await guestSlot(request.token, { name: `s${round}-${i}.txt` });
        await putBytes(ticket);
        return ticket;
      }),
    );
    const results = await Promise.allSettled([
      ...sent.map(async (ticket) => finishUpload(await findGuestUpload(request.token, ticket.upload.id, ticket.uploadKey), null, meta)),
      ...Array.from({ length: 6 }, (_, i) => guestSlot(request.token, { name: `n${round}-${i}.txt` })),
      ...Array.from({ length: 4 }, (_, i) => createUploadSlot(owner, { name: `o${round}-${i}.txt`, type: "text/plain", size: 10 }, meta)),
      ...(round === 2 ? [revokeUploadRequest(owner, request.id, meta)] : []),
    ]);
    const failures = outcomes(results).filter((each) => each !== "ok" && !(round === 2 && each === "request_revoked"));
    expect(failures, `round ${round}`).toEqual([]);
  }
  expect(await db.upload.count({ where: { requestId: request.id, status: { in: ["PENDING", "UPLOADING"] } } })).toBe(0);
});
