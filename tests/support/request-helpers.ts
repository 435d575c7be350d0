import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { createGuestUpload } from "@/lib/requests/create-guest-upload";
import { createUploadRequest } from "@/lib/requests/create-upload-request";
import type { GuestTicket } from "@/lib/requests/request-json";
import { type CreateGuestUploadInput, type CreateRequestInput, createGuestUploadSchema, createRequestSchema } from "@/lib/validations/request";
import { meta } from "./domain-helpers";

/** A new upload request of `ownerId` (open an hour unless said otherwise): its id and the token of its link. */
export async function newRequest(ownerId: string, input: Partial<CreateRequestInput> = {}) {
  const { request, url } = await createUploadRequest(ownerId, createRequestSchema.parse({ label: "Tax papers", expiresInSeconds: 3600, ...input }), meta);
  return { id: request.id, token: new URL(url).pathname.split("/").at(-1) as string };
}

let guests = 0;
/** A client address of its own for each guest call, so per-address budgets never decide a test that is not about them. */
export const guestMeta = () => ({ ip: `192.0.2.${++guests % 250}`, userAgent: "vitest guest" });

/** A guest's slot for a small text file (the body validated and the domain called as POST /api/r/:token/uploads does). */
export async function guestSlot(token: string, input: Partial<CreateGuestUploadInput> = {}): Promise<GuestTicket> {
  return createGuestUpload(token, createGuestUploadSchema.parse({ name: "scan.txt", type: "text/plain", size: 100, ...input }), guestMeta());
}

/** Sends a single-PUT ticket's bytes to the store (random bytes of the declared size unless given). */
export async function putBytes(ticket: GuestTicket, bytes: Uint8Array = randomBytes(ticket.upload.size)): Promise<void> {
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
}
