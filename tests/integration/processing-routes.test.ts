// Scanning on before lib/env is read; then Next's request scopes before anything loads Next (tests/support/next-route.ts).
import "../support/use-clamd";
import { errorOf, sessionCalls } from "../support/session-calls";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/start-workers";
import { newUser } from "../support/domain-helpers";
import { processed } from "../support/processing-helpers";
import { fetchBytes, finishedUpload, newAdmin } from "../support/review-helpers";
import { cleanBytes, eicarBytes } from "../support/scan-samples";

const R = {
  adminThumbnail: "app/api/admin/uploads/[id]/thumbnail/route.ts",
  rescanOne: "app/api/admin/uploads/[id]/rescan/route.ts",
  rescanAll: "app/api/admin/uploads/rescan/route.ts",
  download: "app/api/uploads/[id]/download/route.ts",
  thumbnail: "app/api/uploads/[id]/thumbnail/route.ts",
  uploads: "app/api/uploads/route.ts",
};

const { as, call } = sessionCalls();

let admin: string;
let uma: string;
let eve: string;
let image: string;
let text: string;
let virus: string;

beforeAll(async () => {
  [admin, uma, eve] = await Promise.all([newAdmin("Ann"), newUser("Uma"), newUser("Eve")]);
  await startWorkers();
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#884422" } })
    .png()
    .toBuffer();
  [image, text, virus] = await Promise.all([
    finishedUpload(uma, "cat.png", "image/png", png),
    finishedUpload(uma, "notes.txt", "text/plain", cleanBytes(3000)),
    finishedUpload(uma, "eicar.txt", "text/plain", eicarBytes()),
  ]);
  await Promise.all([image, text, virus].map((id) => processed(id)));
});

afterAll(() => stopBoss());

describe("the owner's view", () => {
  it("lists each file with its processing block and what may be done with it", async () => {
    await as(uma);
    const body = (await (await call(R.uploads, "/api/uploads")).json()) as {
      items: Array<{ id: string; availability: string; processing: { state: string; thumbnailUrl: string | null; width: number | null } | null }>;
    };
    const byId = new Map(body.items.map((item) => [item.id, item]));
    expect(byId.get(image)?.processing).toMatchObject({ state: "clean", thumbnailUrl: `/api/uploads/${image}/thumbnail`, width: 640 });
    expect(byId.get(text)?.processing).toMatchObject({ state: "clean", thumbnailUrl: null });
    expect([byId.get(virus)?.processing?.state, byId.get(virus)?.availability]).toEqual(["infected", "infected"]);
    // Uma is not trusted: her files wait for review, whatever processing says.
    expect(byId.get(image)?.availability).toBe("pending_review");
  });

  it("gets the thumbnail of an own image as a WebP through a redirect", async () => {
    await as(uma);
    const response = await call(R.thumbnail, `/api/uploads/${image}/thumbnail`, { id: image });
    expect(response.status).toBe(302);
    const webp = await fetchBytes(response.headers.get("location") ?? "");
    expect((await sharp(webp).metadata()).format).toBe("webp");
  });

  it("gets 404 for a file without a thumbnail, and for someone else's image", async () => {
    await as(uma);
    expect(await errorOf(await call(R.thumbnail, `/api/uploads/${text}/thumbnail`, { id: text }))).toEqual([404, "not_found"]);
    await as(eve);
    expect(await errorOf(await call(R.thumbnail, `/api/uploads/${image}/thumbnail`, { id: image }))).toEqual([404, "not_found"]);
  });

  it("cannot download an infected file", async () => {
    await as(uma);
    expect(await errorOf(await call(R.download, `/api/uploads/${virus}/download`, { id: virus }))).toEqual([409, "upload_infected"]);
    expect((await call(R.download, `/api/uploads/${text}/download`, { id: text })).status).toBe(302);
  });
});

describe("the admin's re-scans", () => {
  it("shows any image's thumbnail to an admin, and none to a user through the admin route", async () => {
    await as(admin);
    expect((await call(R.adminThumbnail, `/api/admin/uploads/${image}/thumbnail`, { id: image })).status).toBe(302);
    await as(uma);
    expect(await errorOf(await call(R.adminThumbnail, `/api/admin/uploads/${image}/thumbnail`, { id: image }))).toEqual([403, "forbidden"]);
  });

  it("re-scans one file: 202 with the file queued, audited, then processed again", async () => {
    await as(admin);
    const response = await call(R.rescanOne, `/api/admin/uploads/${text}/rescan`, { id: text }, "POST");
    expect(response.status).toBe(202);
    expect(((await response.json()) as { upload: { processing: { state: string } } }).upload.processing.state).toMatch(/queued|running|clean/);
    expect(await db.auditEvent.count({ where: { action: "admin.rescan", target: text, actorId: admin } })).toBe(1);
    expect((await processed(text)).processingAttempts).toBe(2);
  });

  it("refuses to re-scan an unfinished upload (409) or an unknown id (404)", async () => {
    await as(admin);
    const open = await db.upload.create({
      data: {
        ownerId: uma,
        key: `u/${uma}/open/x.bin`,
        originalName: "x.bin",
        contentType: "application/octet-stream",
        size: 1n,
        strategy: "SINGLE",
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    expect(await errorOf(await call(R.rescanOne, `/api/admin/uploads/${open.id}/rescan`, { id: open.id }, "POST"))).toEqual([409, "upload_not_ready"]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await errorOf(await call(R.rescanOne, `/api/admin/uploads/${unknown}/rescan`, { id: unknown }, "POST"))).toEqual([404, "not_found"]);
  });

  it("re-scans every file through one job", async () => {
    await as(admin);
    const before = await db.upload.findUniqueOrThrow({ where: { id: image } });
    const response = await call(R.rescanAll, "/api/admin/uploads/rescan", {}, "POST");
    expect([response.status, await response.json()]).toEqual([202, { queued: true }]);
    expect(await db.auditEvent.count({ where: { action: "admin.rescan_all", actorId: admin } })).toBe(1);
    const deadline = Date.now() + 30_000;
    while ((await db.upload.findUniqueOrThrow({ where: { id: image } })).processingAttempts === before.processingAttempts) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const after = await processed(image);
    expect([after.processing, after.sha256]).toEqual(["CLEAN", before.sha256]);
    expect((await processed(virus)).processing).toBe("INFECTED");
  });
});
