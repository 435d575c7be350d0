import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listFolders } from "@/lib/uploads/list-folders";
import { listUploads } from "@/lib/uploads/list-uploads";
import { statusCondition } from "@/lib/uploads/upload-filters";
import { STATUS_GROUPS, statusGroup } from "@/lib/uploads/upload-groups";
import type { UploadJson } from "@/lib/uploads/upload-json";
import { uploadAvailability } from "@/lib/uploads/upload-status";
import { DEFAULT_ORDER, LIST_SORTS, type ListOrder, type ListSort } from "@/lib/validations/upload";
import { newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { insertRequest, insertUploads, type UploadRow } from "../support/upload-rows";

// The owner's list (GET /api/uploads) and folder listing on rows written straight to the
// database: every sort walked page by page, search, filters, folders, and cursors misused. Bob
// has files with the same names everywhere; no answer may ever hold one of them.

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
let alice: string;
let bob: string;
const owned = new Map<string, Set<string>>();
const bobsIds = new Set<string>();

type Query = Parameters<typeof listUploads>[1];

/** Every page of a query, `limit` rows at a time; each item must be one of `userId`'s own. */
async function walk(userId: string, query: Omit<Query, "limit" | "cursor">, limit = 3): Promise<UploadJson[]> {
  const items: UploadJson[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const answer = await listUploads(userId, { ...query, limit, cursor });
    expect(answer.items.length).toBeLessThanOrEqual(limit);
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  for (const item of items) expect(owned.get(userId)?.has(item.id), `${item.name} is not the caller's`).toBe(true);
  return items;
}
const names = async (userId: string, query: Omit<Query, "limit" | "cursor">) => (await walk(userId, query)).map((item) => item.name);

async function own(userId: string, rows: UploadRow[]) {
  const ids = await insertUploads(userId, rows);
  owned.set(userId, new Set([...(owned.get(userId) ?? []), ...ids]));
  return ids;
}

// Ties on every key (two names equal but for case, equal sizes, equal times): the id decides.
const SORT_ROWS: UploadRow[] = [
  { originalName: "banana.txt", size: 300, createdAt: at(1) },
  { originalName: "Apple.txt", size: 100, createdAt: at(2) },
  { originalName: "apple.txt", size: 100, createdAt: at(2) },
  { originalName: "cherry.txt", size: 5000, createdAt: at(3) },
  { originalName: "Date.txt", size: 300, createdAt: at(4) },
  { originalName: "elder.txt", size: 1, createdAt: at(5) },
  { originalName: "Fig.txt", size: 2 ** 40, createdAt: at(6) },
  { originalName: "grape.txt", size: 42, createdAt: at(6) },
];

beforeAll(async () => {
  [alice, bob] = await Promise.all([newUser("Alice"), newUser("Bob")]);
  await own(alice, SORT_ROWS);
  for (const id of await insertUploads(bob, [...SORT_ROWS, { originalName: "100%.txt", folder: "photos/2024" }, { originalName: "a_b.txt", folder: "photos" }])) bobsIds.add(id);
});

describe("sorting, a page at a time", () => {
  const byKey: Record<ListSort, (row: UploadRow) => string | number> = {
    date: (row) => (row.createdAt as Date).getTime(),
    name: (row) => row.originalName.toLowerCase(),
    size: (row) => row.size ?? 100,
  };

  for (const sort of LIST_SORTS) {
    for (const order of ["asc", "desc"] as ListOrder[]) {
      it(`by ${sort}, ${order}: the whole order across pages of 3, ties broken by id`, async () => {
        const ids = [...must(owned.get(alice), "alice's files")];
        const rows = SORT_ROWS.map((row, index) => ({ row, id: ids[index] }));
        const key = (entry: (typeof rows)[number]) => byKey[sort](entry.row).valueOf();
        rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
        if (order === "desc") rows.reverse();
        expect((await walk(alice, { sort, order })).map((item) => item.id)).toEqual(rows.map((entry) => entry.id));
      });
    }
  }

  it("defaults to newest first, A to Z and largest first", async () => {
    for (const sort of LIST_SORTS) expect(await names(alice, { sort })).toEqual(await names(alice, { sort, order: DEFAULT_ORDER[sort] }));
    expect(await names(alice, {})).toEqual(await names(alice, { sort: "date", order: "desc" }));
  });
});

describe("cursors", () => {
  const firstCursor = async (userId: string, query: Query) => must((await listUploads(userId, query)).nextCursor, "a next page");

  it("refuse a cursor of another sort or order, of another user, edited or made up: 422 invalid_cursor", async () => {
    const byDate = await firstCursor(alice, { sort: "date", order: "desc", limit: 2 });
    const [payload, signature] = byDate.split(".");
    const edited = `${Buffer.from(Buffer.from(payload, "base64url").toString().replace("date", "name")).toString("base64url")}.${signature}`;
    const misuses: Array<[string, string, Query]> = [
      ["another sort", alice, { sort: "name", order: "desc", cursor: byDate, limit: 2 }],
      ["another order", alice, { sort: "date", order: "asc", cursor: byDate, limit: 2 }],
      ["another user", bob, { sort: "date", order: "desc", cursor: byDate, limit: 2 }],
      ["an edited payload", alice, { sort: "name", order: "desc", cursor: edited, limit: 2 }],
      ["no signature", alice, { sort: "date", order: "desc", cursor: payload, limit: 2 }],
      ["an upload id", alice, { cursor: [...must(owned.get(alice), "ids")][0], limit: 2 }],
      ["another user's upload id", alice, { cursor: [...bobsIds][0], limit: 2 }],
      ["nothing of ours", alice, { cursor: `${randomUUID()}.${"A".repeat(22)}`, limit: 2 }],
    ];
    for (const [what, userId, query] of misuses) {
      const error = await rejection(listUploads(userId, query));
      expect([what, error.status, error.code]).toEqual([what, 422, "invalid_cursor"]);
    }
  });

  it("keep their place when the row they name is deleted or renamed", async () => {
    const [first] = await own(alice, [
      { originalName: "moving.txt", createdAt: at(9) },
      { originalName: "staying.txt", createdAt: at(8) },
    ]);
    const page = await listUploads(alice, { limit: 1 });
    expect(page.items.map((item) => item.id)).toEqual([first]);
    await db.upload.update({ where: { id: first }, data: { status: "DELETED", originalName: "zzz.txt" } });
    expect((await listUploads(alice, { limit: 1, cursor: must(page.nextCursor, "a cursor") })).items.map((item) => item.name)).toEqual(["staying.txt"]);
  });
});

describe("search", () => {
  let carol: string;
  beforeAll(async () => {
    carol = await newUser("Carol");
    const searchable = ["100%.txt", "100 percent.txt", "a_b.txt", "axb.txt", "back\\slash.txt", "backslash.txt", "UPPER case.txt", "plain.txt"];
    await own(
      carol,
      searchable.map((originalName) => ({ originalName })),
    );
  });

  it("matches a part of the name, case-insensitively, with %, _ and \\ taken literally", async () => {
    const cases: Array<[string, string[]]> = [
      ["%", ["100%.txt"]],
      ["_", ["a_b.txt"]],
      ["\\", ["back\\slash.txt"]],
      ["upper CASE", ["UPPER case.txt"]],
      ["100", ["100 percent.txt", "100%.txt"]],
      ["nothing like it", []],
    ];
    for (const [q, expected] of cases) expect([q, await names(carol, { q, sort: "name" })]).toEqual([q, expected]);
  });

  it("pages through matches in any sort", async () => {
    expect(await names(carol, { q: "a", sort: "name", order: "desc" })).toEqual(["UPPER case.txt", "plain.txt", "backslash.txt", "back\\slash.txt", "axb.txt", "a_b.txt"]);
  });
});

describe("filters and folders", () => {
  let dave: string;
  let requestId: string;
  beforeAll(async () => {
    dave = await newUser("Dave");
    requestId = await insertRequest(dave, "Tax papers");
    await own(dave, [
      { originalName: "photo.png", contentType: "image/png", folder: "photos/2024" },
      { originalName: "photo2.png", contentType: "image/png", folder: "photos/2024" },
      { originalName: "clip.mp4", contentType: "video/mp4", folder: "photos/2025" },
      { originalName: "cover.jpg", contentType: "image/jpeg", folder: "photos" },
      { originalName: "gone.jpg", contentType: "image/jpeg", folder: "photos", status: "DELETED" },
      { originalName: "song.mp3", contentType: "audio/mpeg", folder: "a_b/x" },
      { originalName: "other.txt", folder: "axb/y" },
      { originalName: "zeta.txt", folder: "Zeta" },
      { originalName: "report.pdf", contentType: "application/pdf", requestId, guestName: "Eve", guestEmail: "eve@test.local" },
      { originalName: "letter.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", requestId },
      { originalName: "backup.zip", contentType: "application/zip" },
      { originalName: "big.7z", contentType: "application/x-7z-compressed", status: "UPLOADING" },
      { originalName: "data.json", contentType: "application/json", status: "PENDING" },
      { originalName: "blob.bin", contentType: "application/octet-stream", status: "FAILED" },
      { originalName: "waiting.txt", review: "PENDING" },
      { originalName: "rejected.txt", review: "REJECTED" },
      { originalName: "virus.exe", contentType: "application/x-msdownload", processing: "INFECTED", scanSignature: "Eicar" },
      { originalName: "cancelled.txt", status: "ABORTED" },
      { originalName: "expired.txt", status: "EXPIRED" },
    ]);
  });

  it("filters by type group", async () => {
    const cases: Array<[Query["type"], string[]]> = [
      ["images", ["cover.jpg", "photo.png", "photo2.png"]],
      ["video", ["clip.mp4"]],
      ["audio", ["song.mp3"]],
      ["documents", ["letter.docx", "other.txt", "rejected.txt", "report.pdf", "waiting.txt", "zeta.txt"]],
      ["archives", ["backup.zip", "big.7z"]],
      ["other", ["blob.bin", "data.json", "virus.exe"]],
    ];
    for (const [type, expected] of cases) expect([type, await names(dave, { type, sort: "name" })]).toEqual([type, expected]);
  });

  it("filters by status group; cancelled, expired and deleted files are never listed", async () => {
    expect(await names(dave, { status: "in_progress", sort: "name" })).toEqual(["big.7z", "data.json", "waiting.txt"]);
    expect(await names(dave, { status: "failed", sort: "name" })).toEqual(["blob.bin", "rejected.txt", "virus.exe"]);
    const complete = await names(dave, { status: "complete", sort: "name" });
    expect(complete).toEqual(["backup.zip", "clip.mp4", "cover.jpg", "letter.docx", "other.txt", "photo.png", "photo2.png", "report.pdf", "song.mp3", "zeta.txt"]);
    expect((await names(dave, {})).filter((name) => ["gone.jpg", "cancelled.txt", "expired.txt"].includes(name))).toEqual([]);
  });

  it("filters received files, which say through which request and from whom", async () => {
    const received = await walk(dave, { received: true, sort: "name" });
    expect(received.map((item) => [item.name, item.receivedVia])).toEqual([
      ["letter.docx", { requestId, label: "Tax papers", guestName: null, guestEmail: null }],
      ["report.pdf", { requestId, label: "Tax papers", guestName: "Eve", guestEmail: "eve@test.local" }],
    ]);
    const notReceived = await walk(dave, { received: false });
    expect(notReceived.length).toBe(14);
    expect(notReceived.every((item) => item.receivedVia === null)).toBe(true);
  });

  it("combines filters with search and sorting", async () => {
    expect(await names(dave, { type: "images", q: "PHOTO", sort: "name", order: "desc" })).toEqual(["photo2.png", "photo.png"]);
    expect(await names(dave, { type: "images", folder: "photos" })).toEqual(["cover.jpg"]);
  });

  it("lists the files directly in a folder, or (folder=/) outside any", async () => {
    expect(await names(dave, { folder: "photos/2024", sort: "name" })).toEqual(["photo.png", "photo2.png"]);
    expect(await names(dave, { folder: "photos", sort: "name" })).toEqual(["cover.jpg"]);
    expect(await names(dave, { folder: "/", sort: "name" })).toEqual([
      "backup.zip",
      "big.7z",
      "blob.bin",
      "data.json",
      "letter.docx",
      "rejected.txt",
      "report.pdf",
      "virus.exe",
      "waiting.txt",
    ]);
    expect(await names(dave, { folder: "photos/%" })).toEqual([]);
  });

  it("lists folders A to Z with the files they hold at any depth, a page at a time", async () => {
    const top = await listFolders(dave, { limit: 100 });
    expect(top).toEqual({
      items: [
        { path: "a_b", name: "a_b", files: 1 },
        { path: "axb", name: "axb", files: 1 },
        { path: "photos", name: "photos", files: 4 },
        { path: "Zeta", name: "Zeta", files: 1 },
      ],
      nextCursor: null,
    });
    const paged = [];
    let cursor: string | undefined;
    do {
      const page = await listFolders(dave, { limit: 1, cursor });
      paged.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(top.items);
    expect((await listFolders(dave, { parent: "photos", limit: 100 })).items).toEqual([
      { path: "photos/2024", name: "2024", files: 2 },
      { path: "photos/2025", name: "2025", files: 1 },
    ]);
    // A parent is a path, not a pattern: "a_b" holds x, never axb's y.
    expect((await listFolders(dave, { parent: "a_b", limit: 100 })).items).toEqual([{ path: "a_b/x", name: "x", files: 1 }]);
    expect((await listFolders(dave, { parent: "photos/2024", limit: 100 })).items).toEqual([]);
  });

  it("never lists another user's folders", async () => {
    expect((await listFolders(alice, { limit: 100 })).items).toEqual([]);
    expect((await listFolders(alice, { parent: "photos", limit: 100 })).items).toEqual([]);
  });
});

describe("status groups", () => {
  it("hold in SQL exactly the files statusGroup puts in them, under every scan policy", async () => {
    const erin = await newUser("Erin");
    const combos = (["PENDING", "UPLOADING", "COMPLETE", "FAILED"] as const).flatMap((status) =>
      (["NONE", "PENDING", "APPROVED", "REJECTED"] as const).flatMap((review) =>
        ([null, "QUEUED", "RUNNING", "CLEAN", "INFECTED", "FAILED", "TOO_LARGE_TO_SCAN", "OFF"] as const).flatMap((processing) =>
          [null, "Eicar"].map((scanSignature) => ({ originalName: `${status}-${review}-${processing}-${scanSignature}`, status, review, processing, scanSignature })),
        ),
      ),
    );
    const ids = await insertUploads(erin, combos);
    for (const policy of [
      { scanning: false, failOpen: false },
      { scanning: true, failOpen: false },
      { scanning: true, failOpen: true },
    ]) {
      for (const group of STATUS_GROUPS) {
        const inSql = await db.$queryRaw<Array<{ id: string }>>`SELECT u."id" FROM "Upload" AS u WHERE u."ownerId" = ${erin} AND ${statusCondition(group, policy)}`;
        const inJs = combos.flatMap((row, index) => (statusGroup({ status: row.status, availability: uploadAvailability(row, policy) }) === group ? [ids[index]] : []));
        expect([policy, group, inSql.map(({ id }) => id).sort()]).toEqual([policy, group, inJs.sort()]);
      }
    }
  });
});
