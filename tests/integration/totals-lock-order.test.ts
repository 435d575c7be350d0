import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { meta, newUser } from "../support/domain-helpers";

// Creating a slot locks the owner's row and then (trigger) a daily-total row; completing an upload
// changes the same two rows through the trigger. Before the trigger changed the owner's row
// first, the two took them in opposite orders and PostgreSQL aborted one with a deadlock (40P01)
// when a person dropped many files at once: some slots being created while others completed.
async function sentSlot(ownerId: string, index: number): Promise<string> {
  const bytes = randomBytes(64);
  const ticket = await createUploadSlot(ownerId, { name: `f${index}.bin`, type: "application/octet-stream", size: bytes.length }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: bytes })).status).toBe(200);
  return ticket.upload.id;
}

it("creates slots and completes uploads of one owner at the same time without a deadlock", async () => {
  const owner = await newUser("Dora");
  for (let round = 0; round < 4; round++) {
    const sent = await Promise.all(Array.from({ length: 8 }, (_, index) => sentSlot(owner, index)));
    const results = await Promise.allSettled([
      ...sent.map((id) => completeUpload(owner, id, meta)),
      ...Array.from({ length: 8 }, (_, index) => createUploadSlot(owner, { name: `n${index}.bin`, type: "application/octet-stream", size: 64 }, meta)),
    ]);
    const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    expect(failures, `round ${round}`).toEqual([]);
  }
});
