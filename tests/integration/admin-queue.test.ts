import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listReviewQueue } from "@/lib/admin/uploads/list-review-queue";
import { db } from "@/lib/db";
import type { ReviewState, UploadStatus } from "@/lib/generated/prisma/enums";
import { reviewQueueQuerySchema } from "@/lib/validations/admin-uploads";
import { rejection } from "../support/domain-helpers";
import { newAdmin } from "../support/review-helpers";

// The queue reads the database only, so its rows are written directly: exact times, states and sizes.
const T = Date.parse("2026-03-01T12:00:00Z");
const minute = 60_000;

let carol: string;
let dave: string;
let erin: string; // the admin who reviewed some of them
const rows: Record<string, { id: string; createdAt: Date }> = {};

async function newOwner(email: string): Promise<string> {
  const { id } = await db.user.create({ data: { email, name: email.split("@")[0], passwordHash: "-", quotaBytes: 10n ** 12n } });
  return id;
}

interface Row {
  owner: () => string;
  name: string;
  type: string;
  size: number;
  at: number;
  review?: ReviewState;
  status?: UploadStatus;
  reviewed?: boolean;
  quarantined?: boolean;
}

const DATA: Record<string, Row> = {
  p1: { owner: () => carol, name: "Holiday.PNG", type: "image/png", size: 1000, at: 1, review: "PENDING" },
  p2: { owner: () => dave, name: "report.pdf", type: "application/pdf", size: 5000, at: 2, review: "PENDING" },
  p3: { owner: () => carol, name: "notes 100%_done.txt", type: "text/plain", size: 200, at: 3, review: "PENDING" },
  p4: { owner: () => dave, name: "clip.mp4", type: "video/mp4", size: 9000, at: 3, review: "PENDING" },
  p5: { owner: () => carol, name: "photo.jpeg", type: "image/jpeg", size: 3000, at: 4, review: "PENDING" },
  a1: { owner: () => dave, name: "a.png", type: "image/png", size: 100, at: 5, review: "APPROVED", reviewed: true },
  a2: { owner: () => carol, name: "b.png", type: "image/png", size: 100, at: 6, review: "APPROVED" },
  r1: { owner: () => carol, name: "bad.exe", type: "application/octet-stream", size: 100, at: 7, review: "REJECTED", reviewed: true, quarantined: true },
  n1: { owner: () => dave, name: "none.txt", type: "text/plain", size: 100, at: 8, review: "NONE" },
  // Not finished: never listed.
  x1: { owner: () => carol, name: "open.png", type: "image/png", size: 100, at: 0, review: "PENDING", status: "UPLOADING" },
  x2: { owner: () => dave, name: "deleted.png", type: "image/png", size: 100, at: 9, review: "PENDING", status: "DELETED" },
  x3: { owner: () => dave, name: "failed.png", type: "image/png", size: 100, at: 9, status: "FAILED" },
};

const list = (query: Record<string, string> = {}) => listReviewQueue(reviewQueueQuerySchema.parse(query));
const names = async (query: Record<string, string> = {}) => (await list(query)).items.map((item) => item.name);

/** The rows' names in queue order: (createdAt, id) ascending, or descending. */
function ordered(keys: string[], newestFirst = false): string[] {
  const sorted = [...keys].sort((a, b) => rows[a].createdAt.getTime() - rows[b].createdAt.getTime() || (rows[a].id < rows[b].id ? -1 : 1));
  return (newestFirst ? sorted.reverse() : sorted).map((key) => DATA[key].name);
}

beforeAll(async () => {
  carol = await newOwner(`carol.q-${randomUUID()}@test.local`);
  dave = await newOwner(`dave-${randomUUID()}@Example.test`);
  erin = await newAdmin("Erin");
  for (const [key, row] of Object.entries(DATA)) {
    const id = randomUUID();
    const createdAt = new Date(T + row.at * minute);
    const ownerId = row.owner();
    await db.upload.create({
      data: {
        id,
        ownerId,
        key: `u/${ownerId}/${id}/${row.name}`,
        originalName: row.name,
        contentType: row.type,
        size: BigInt(row.size),
        strategy: "SINGLE",
        status: row.status ?? "COMPLETE",
        review: row.review ?? "NONE",
        reviewerId: row.reviewed ? erin : null,
        quarantinedAt: row.quarantined ? createdAt : null,
        expiresAt: createdAt,
        createdAt,
      },
    });
    rows[key] = { id, createdAt };
  }
});

describe("the review queue", () => {
  it("lists finished pending files oldest first, ties in creation time by id", async () => {
    expect(await names()).toEqual(ordered(["p1", "p2", "p3", "p4", "p5"]));
    expect(await names({ review: "pending" })).toEqual(await names());
  });

  it("lists every other state newest first", async () => {
    expect(await names({ review: "approved" })).toEqual(["b.png", "a.png"]);
    expect(await names({ review: "rejected" })).toEqual(["bad.exe"]);
    expect(await names({ review: "none" })).toEqual(["none.txt"]);
    expect(await names({ review: "all" })).toEqual(ordered(["p1", "p2", "p3", "p4", "p5", "a1", "a2", "r1", "n1"], true));
  });

  it("answers admin upload JSON: owner, reviewer and quarantine", async () => {
    const [rejected] = (await list({ review: "rejected" })).items;
    expect(rejected).toMatchObject({
      id: rows.r1.id,
      status: "COMPLETE",
      review: "REJECTED",
      quarantined: true,
      size: 100,
      owner: { id: carol },
      reviewer: { id: erin, name: "Erin" },
    });
    expect(Object.keys(rejected.owner).sort()).toEqual(["email", "id", "name"]);
    const [autoApproved] = (await list({ review: "approved" })).items;
    expect(autoApproved).toMatchObject({ reviewer: null, quarantined: false });
  });

  it("filters by owner, exact type and type family", async () => {
    expect(await names({ owner: carol })).toEqual(ordered(["p1", "p3", "p5"]));
    expect(await names({ review: "all", owner: dave })).toEqual(ordered(["p2", "p4", "a1", "n1"], true));
    expect(await names({ type: "image/png" })).toEqual(["Holiday.PNG"]);
    expect(await names({ type: "IMAGE/" })).toEqual(ordered(["p1", "p5"]));
    expect(await names({ review: "all", type: "text/" })).toEqual(ordered(["p3", "n1"], true));
  });

  it("searches names and owners' e-mail addresses, case-insensitively and literally", async () => {
    expect(await names({ q: "holiday" })).toEqual(["Holiday.PNG"]);
    expect(await names({ q: "CAROL.Q-" })).toEqual(ordered(["p1", "p3", "p5"]));
    expect(await names({ q: "example.TEST" })).toEqual(ordered(["p2", "p4"]));
    // % and _ are characters to find, not wildcards.
    expect(await names({ q: "100%_" })).toEqual(["notes 100%_done.txt"]);
    expect(await names({ q: "0%d" })).toEqual([]);
    expect(await names({ q: "a_b" })).toEqual([]);
  });

  it("filters by size (inclusive) and creation time (from included, to excluded)", async () => {
    expect(await names({ minSize: "3000", maxSize: "5000" })).toEqual(ordered(["p2", "p5"]));
    expect(await names({ minSize: "9000" })).toEqual(["clip.mp4"]);
    const at = (minutes: number) => new Date(T + minutes * minute).toISOString();
    expect(await names({ from: at(2), to: at(4) })).toEqual(ordered(["p2", "p3", "p4"]));
    // The same instant written with an offset: times are instants, not the database's local time.
    expect(await names({ from: "2026-03-01T07:02:00-05:00", to: "2026-03-01T07:04:00-05:00" })).toEqual(ordered(["p2", "p3", "p4"]));
    expect(await names({ review: "all", from: "2026-03-01", to: "2026-03-02" })).toHaveLength(9);
    expect(await names({ review: "all", to: "2026-03-01" })).toEqual([]);
  });

  it("combines filters", async () => {
    expect(await names({ review: "all", owner: carol, type: "image/", maxSize: "1000" })).toEqual(["b.png", "Holiday.PNG"]);
  });
});

describe("queue pages", () => {
  async function walk(query: Record<string, string>) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await list({ ...query, limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error("too many pages");
  }

  it("cover every row exactly once, in order, for both directions", async () => {
    expect(await walk({})).toEqual(await names());
    expect(await walk({ review: "all" })).toEqual(await names({ review: "all" }));
    expect(await walk({ review: "all", type: "image/" })).toEqual(await names({ review: "all", type: "image/" }));
  });

  it("end with a null cursor, also when the last page is full", async () => {
    expect(await list({ limit: "5" })).toMatchObject({ nextCursor: null });
    expect((await list({ limit: "4" })).nextCursor).not.toBeNull();
  });

  it("refuse a cursor that is no upload (422 invalid_cursor)", async () => {
    const refusal = await rejection(list({ cursor: randomUUID() }));
    expect([refusal.status, refusal.code]).toEqual([422, "invalid_cursor"]);
  });

  it("go on from a file that was decided since the previous page", async () => {
    const pending = ordered(["p1", "p2", "p3", "p4", "p5"]);
    const first = await list({ limit: "2" });
    const cursor = first.nextCursor ?? "";
    await db.upload.update({ where: { id: cursor }, data: { review: "APPROVED", reviewerId: erin } });
    try {
      const second = await list({ limit: "2", cursor });
      expect([...first.items, ...second.items].map((item) => item.name)).toEqual(pending.slice(0, 4));
    } finally {
      await db.upload.update({ where: { id: cursor }, data: { review: "PENDING", reviewerId: null } });
    }
  });
});

describe("queue query validation", () => {
  const accepts = (query: Record<string, string>) => reviewQueueQuerySchema.safeParse(query).success;

  it("has defaults, and leaves out the fields a form sent empty", () => {
    expect(reviewQueueQuerySchema.parse({})).toEqual({ review: "pending", limit: 25 });
    expect(reviewQueueQuerySchema.parse({ review: "", owner: "", type: "", q: "", from: "", cursor: "" })).toEqual({ review: "pending", limit: 25 });
  });

  it("refuses what it cannot mean (zod: 422 validation_failed)", () => {
    const bad: Array<Record<string, string>> = [
      { review: "maybe" },
      { limit: "0" },
      { limit: "101" },
      { limit: "2.5" },
      { owner: "carol" },
      { type: "image" },
      { type: "image/png; charset=x" },
      { minSize: "-1" },
      { maxSize: "ten" },
      { from: "yesterday" },
      { to: "2026-13-01" },
      { cursor: "../etc" },
      { q: "x".repeat(201) },
    ];
    for (const query of bad) expect(accepts(query), JSON.stringify(query)).toBe(false);
  });
});
