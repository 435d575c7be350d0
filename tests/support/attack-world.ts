// First, before anything that loads Next (tests/support/next-route.ts says why).
import { serve, type Send } from "./next-route";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { db } from "@/lib/db";
import { startWorkers } from "@/lib/jobs/start-workers";
import { createShareLink } from "@/lib/links/create-share-link";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import type { CreateLinkInput } from "@/lib/validations/link";
import { meta, newUser } from "./domain-helpers";
import { processed } from "./processing-helpers";
import { finishedUpload, newAdmin } from "./review-helpers";
import { signedInCookie } from "./session-cookie";

// The people and things an attacker meets: an owner with files and links, another user, an admin
// and a disabled account, each with a real session cookie, and requests sent through Next's own
// route handling (tests/support/next-route.ts).

export const ACTORS = ["anonymous", "owner", "other", "admin", "disabled"] as const;
export type Actor = (typeof ACTORS)[number];
type Person = Exclude<Actor, "anonymous">;

export interface World {
  ids: Record<Person, string>;
  /** The actor's session cookie, signed in once (after a password change, signed in again). */
  cookie(actor: Actor): Promise<string | null>;
}

/** The four accounts; the job workers run, so finished files get processed (sha256, type, thumbnail). */
export async function newWorld(): Promise<World> {
  await startWorkers();
  const [owner, other, admin, disabled] = await Promise.all([newUser("Owner"), newUser("Other"), newAdmin("Admin"), newUser("Disabled")]);
  await db.user.update({ where: { id: disabled }, data: { disabledAt: new Date() } });
  const ids = { owner, other, admin, disabled };
  const cookie = heldCookies(ids);
  // Everyone signs in now, before any request is checked for what it changed (a sign-in opens a session row).
  for (const person of ACTORS) await cookie(person);
  return { ids, cookie };
}

/**
 * Each person's session cookie, kept as a browser keeps it: one sign-in (one server-side session),
 * and a new one only after a password change raised the session version.
 */
function heldCookies(ids: Record<Person, string>): World["cookie"] {
  const held = new Map<Person, { version: number; cookie: string }>();
  return async (actor) => {
    if (actor === "anonymous") return null;
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: ids[actor] }, select: { sessionVersion: true } });
    const kept = held.get(actor);
    if (kept?.version === sessionVersion) return kept.cookie;
    const cookie = await signedInCookie(ids[actor]);
    held.set(actor, { version: sessionVersion, cookie });
    return cookie;
  };
}

let addresses = 0;

/**
 * A request from a client address of its own: the per-address budgets (sign-up, share links)
 * would otherwise answer 429 to a long run of requests before the check under test is reached.
 */
export async function send(world: World, actor: Actor, file: string, request: Send): Promise<Response> {
  addresses += 1;
  const cookie = await world.cookie(actor);
  const headers = { "x-forwarded-for": `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`, ...(cookie ? { cookie } : {}), ...request.headers };
  return serve(file, { ...request, headers });
}

/** A finished file of `ownerId`, processed (so nothing changes behind the test's back) and waiting for review. */
export async function waitingFile(ownerId: string, name = "notes.txt", type = "text/plain", bytes: Uint8Array = randomBytes(2000)): Promise<string> {
  const id = await finishedUpload(ownerId, name, type, bytes);
  await processed(id);
  return id;
}

/** A finished file an admin approved: it can be shared. */
export async function approvedFile(world: World, name?: string, type?: string, bytes?: Uint8Array): Promise<string> {
  const id = await waitingFile(world.ids.owner, name, type, bytes);
  await decideReview(world.ids.admin, id, { decision: "approve" }, meta);
  return id;
}

/** An approved PNG with its thumbnail made. */
export async function approvedImage(world: World): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
  const id = await approvedFile(world, "picture.png", "image/png", png);
  const { thumbnailKey } = await db.upload.findUniqueOrThrow({ where: { id } });
  if (!thumbnailKey) throw new Error("expected the image to have a thumbnail");
  return id;
}

/** A single-PUT slot whose bytes were sent but that was not completed yet. */
export async function sentSlot(ownerId: string): Promise<string> {
  const bytes = randomBytes(500);
  const ticket = await createUploadSlot(ownerId, { name: "sent.bin", type: "application/octet-stream", size: bytes.length }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  const put = await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: bytes });
  if (put.status !== 200) throw new Error(`PUT answered ${put.status}`);
  return ticket.upload.id;
}

/** An open multipart slot (nothing sent yet). */
export async function multipartSlot(ownerId: string): Promise<string> {
  const ticket = await createUploadSlot(ownerId, { name: "big.bin", type: "application/octet-stream", size: 64 * 1024 ** 2 }, meta);
  if (ticket.strategy !== "multipart") throw new Error("expected a multipart slot");
  return ticket.upload.id;
}

/** A share link on the owner's file: its id and its token. */
export async function shareLink(world: World, uploadId: string, input: Partial<CreateLinkInput> = {}) {
  const { link, url } = await createShareLink(world.ids.owner, uploadId, { expiresInSeconds: 3600, ...input }, meta);
  return { id: link.id, token: new URL(url).pathname.split("/").at(-1) as string };
}
