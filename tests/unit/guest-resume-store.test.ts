import { describe, expect, it } from "vitest";
import { guestResumeStore, type GuestResumeRecord } from "@/lib/upload-client/guest-resume-store";
import { memoryResumeStore, type ResumeRecord } from "@/lib/upload-client/resume-store";

const record = (uploadId: string): ResumeRecord => ({ uploadId, name: `${uploadId}.bin`, type: "", size: 10, lastModified: 1, partSize: 5, partCount: 2, savedAt: 0 });

describe("guestResumeStore", () => {
  it("keeps each upload's key with its record, and gives it back to the API's key ring after a reload", async () => {
    const shared = memoryResumeStore<GuestResumeRecord>();
    const before = new Map([["u1", "key-1"]]);
    await guestResumeStore("token-a", before, shared).save(record("u1"));
    expect(await shared.list()).toEqual([{ ...record("u1"), scope: "token-a", uploadKey: "key-1" }]);

    const after = new Map<string, string>(); // a fresh page: no keys in memory
    expect(await guestResumeStore("token-a", after, shared).list()).toEqual([record("u1")]);
    expect(after.get("u1")).toBe("key-1");
  });

  it("shows one link's page only that link's uploads, and saves nothing it holds no key for", async () => {
    const shared = memoryResumeStore<GuestResumeRecord>();
    await guestResumeStore("token-a", new Map([["u1", "k1"]]), shared).save(record("u1"));
    await guestResumeStore("token-b", new Map([["u2", "k2"]]), shared).save(record("u2"));
    await guestResumeStore("token-b", new Map(), shared).save(record("u3"));
    const keysB = new Map<string, string>();
    expect((await guestResumeStore("token-b", keysB, shared).list()).map((r) => r.uploadId)).toEqual(["u2"]);
    expect([...keysB.keys()]).toEqual(["u2"]);

    await guestResumeStore("token-a", new Map(), shared).remove("u1");
    expect((await shared.list()).map((r) => r.uploadId)).toEqual(["u2"]);
  });
});
