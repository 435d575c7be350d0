import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { listUploads } from "@/lib/uploads/list-uploads";
import { newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let alice: string;
let bob: string;
let bobsUpload: string;

beforeAll(async () => {
  alice = await newUser("Alice");
  bob = await newUser("Bob");
  for (const name of ["a1.txt", "a2.txt", "a3.txt"]) await createUploadSlot(alice, { name, type: "text/plain", size: 1 }, meta);
  bobsUpload = (await createUploadSlot(bob, { name: "b1.txt", type: "text/plain", size: 1 }, meta)).upload.id;
});

describe("listUploads cursor", () => {
  it("continues after one of the caller's own uploads", async () => {
    const first = await listUploads(alice, { limit: 2 });
    expect(first.items.map((item) => item.name)).toEqual(["a3.txt", "a2.txt"]);
    const next = await listUploads(alice, { cursor: must(first.nextCursor, "a cursor to the next page"), limit: 2 });
    expect(next.items.map((item) => item.name)).toEqual(["a1.txt"]);
  });

  it("refuses another user's upload as a cursor with 422 invalid_cursor", async () => {
    const error = await rejection(listUploads(alice, { cursor: bobsUpload, limit: 2 }));
    expect([error.status, error.code]).toEqual([422, "invalid_cursor"]);
  });

  it("refuses an id that is no upload at all", async () => {
    expect((await rejection(listUploads(alice, { cursor: randomUUID(), limit: 2 }))).code).toBe("invalid_cursor");
  });
});
