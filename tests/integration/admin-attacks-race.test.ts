import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Storage as it is, except that one HeadObject can be held back: a completion request that is
// slow on the server (a busy store, a paused process) while everything else goes on.
const hooks = vi.hoisted(() => ({ beforeHead: (async () => {}) as (key: string) => Promise<void> }));
vi.mock("@/lib/storage/objects", async (original) => {
  const real = await original<typeof import("@/lib/storage/objects")>();
  return {
    ...real,
    headObject: async (key: string) => {
      await hooks.beforeHead(key);
      return real.headObject(key);
    },
  };
});

import { decideReview } from "@/lib/admin/uploads/decide-review";
import { previewUpload } from "@/lib/admin/uploads/preview-upload";
import { db } from "@/lib/db";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { incomingKey } from "@/lib/uploads/object-keys";
import { meta, newUser } from "../support/domain-helpers";
import { fetchBytes, newAdmin, storedEtag } from "../support/review-helpers";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let ann: string;
let uma: string;

beforeAll(async () => {
  [ann, uma] = await Promise.all([newAdmin("Ann"), newUser("Uma")]);
});

describe("bytes changing after review", () => {
  it("a completion already under way when the file was approved cannot put other bytes under the approved key", async () => {
    const original = randomBytes(2048);
    const ticket = await createUploadSlot(uma, { name: "swap.png", type: "image/png", size: original.length }, meta);
    if (ticket.strategy !== "single") throw new Error("expected a single PUT");
    const put = (bytes: Uint8Array) => fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) });
    const { key } = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    expect((await put(original)).status).toBe(200);

    // A second completion reads the open slot, then is held before it looks at incoming/.
    let reached = () => {};
    let release = () => {};
    const holding = new Promise<void>((resolve) => (reached = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    let hold = true;
    hooks.beforeHead = async (head) => {
      if (!hold || head !== incomingKey(key)) return;
      hold = false;
      reached();
      await gate;
    };
    const slow = completeUpload(uma, ticket.upload.id, meta).catch((error: unknown) => error);
    await holding;

    // Completions of one upload run one at a time: while the slow one holds the slot, another
    // cannot finish it (so no admin can approve it yet). Before the fix it finished at once.
    const fast = completeUpload(uma, ticket.upload.id, meta);
    const settled = await Promise.race([fast.then(() => "finished"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 1000))]);
    expect(settled, "a second completion waits for the first").toBe("waiting");
    release();
    await slow;
    await fast;

    const { etag } = await db.upload.findUniqueOrThrow({ where: { id: ticket.upload.id } });
    const reviewed = await fetchBytes(await previewUpload(ticket.upload.id));
    expect(reviewed).toEqual(original);
    await decideReview(ann, ticket.upload.id, { decision: "approve" }, meta);

    // The owner's old URL (valid for minutes) writes other bytes of the same size and type, and
    // completes again: the slot is COMPLETE, so nothing is copied.
    expect((await put(randomBytes(original.length))).status).toBe(200);
    await completeUpload(uma, ticket.upload.id, meta);

    const token = new URL((await createShareLink(uma, ticket.upload.id, { expiresInSeconds: 3600 }, meta)).url).pathname.split("/").at(-1) ?? "";
    const served = await fetchBytes((await redeemShareLink(token, undefined, meta)).url);
    expect(sha(served), "what the link serves is what the admin approved").toBe(sha(reviewed));
    expect(await storedEtag(key)).toBe(etag);
  });
});
