import { GetObjectCommand } from "@aws-sdk/client-s3";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Small plans so a few MiB make a multipart upload; URLs that expire in 2 s so expiry is testable.
vi.hoisted(() => {
  process.env.MULTIPART_THRESHOLD_BYTES = String(5 * 1024 ** 2);
  process.env.MULTIPART_PART_BYTES = String(5 * 1024 ** 2);
  process.env.PRESIGN_TTL_SECONDS = "2";
});

import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import type { Transport } from "@/lib/upload-client/put-object";
import { domainApi } from "../support/domain-api";
import { newUser } from "../support/domain-helpers";
import { must } from "../support/must";
import { fetchTransport, partNumberOf } from "../support/node-transport";
import { engineFor, MiB, nodeMd5, randomFile, settled, sha256 } from "../support/run-engine";

let userId: string;
beforeAll(async () => {
  userId = await newUser("Engine");
});

async function storedSha256(uploadId: string) {
  const { key } = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return sha256(await must(object.Body, `a body for ${key}`).transformToByteArray());
}

describe("multipart engine against radosgw", () => {
  it("recovers from a corrupted part: S3 answers BadDigest, the engine resends, the object hashes like the file", async () => {
    const file = randomFile("three-parts.bin", 11 * MiB);
    const refusals: string[] = [];
    let corrupted = false;
    const corrupting: Transport = async (request) => {
      if (partNumberOf(request.url) === 2 && !corrupted) {
        corrupted = true;
        const bytes = new Uint8Array(await request.body.arrayBuffer());
        bytes[1234] ^= 0xff; // one flipped bit on the way
        try {
          return await fetchTransport({ ...request, body: new Blob([bytes]) });
        } catch (error) {
          refusals.push((error as { code?: string }).code ?? String(error));
          throw error;
        }
      }
      return fetchTransport(request);
    };
    const { api } = domainApi(userId);
    const engine = engineFor(api, corrupting);
    await engine.add([{ file }]);
    const [view] = await settled(engine);

    expect(view.state, view.error).toBe("done");
    expect(refusals).toEqual(["BadDigest"]);
    const row = await db.upload.findUniqueOrThrow({ where: { id: view.uploadId } });
    expect([row.status, row.strategy, row.partCount]).toEqual(["COMPLETE", "MULTIPART", 3]);
    expect(row.etag).toMatch(/^[0-9a-f]{32}-3$/);
    expect(await storedSha256(row.id)).toBe(sha256(new Uint8Array(await file.arrayBuffer())));
  });

  it("sends a small file with its whole MD5 signed in: bytes changed on the way are refused, and it is sent again through a new slot", async () => {
    const file = randomFile("one-put.bin", 300_000);
    const slots: string[] = [];
    let corruptions = 1;
    const corrupting: Transport = async (request) => {
      slots.push(must(/\/incoming\/u\/[^/]+\/([^/]+)\//.exec(request.url), "an incoming key")[1]);
      if (corruptions-- <= 0) return fetchTransport(request);
      const bytes = new Uint8Array(await request.body.arrayBuffer());
      bytes[77] ^= 0x01;
      return fetchTransport({ ...request, body: new Blob([bytes]) });
    };
    const { api } = domainApi(userId);
    const engine = engineFor(api, corrupting, { singlePutMaxBytes: 5 * MiB });
    await engine.add([{ file }]);
    const [done] = await settled(engine);
    expect(done.state, done.error).toBe("done");
    expect(slots).toHaveLength(2);
    expect(slots[1]).not.toBe(slots[0]); // the refused URL was signed for that MD5: a new slot, hashed again
    const md5 = await nodeMd5(file);
    const refused = await db.upload.findUniqueOrThrow({ where: { id: slots[0] } });
    expect([refused.strategy, refused.md5, refused.status]).toEqual(["SINGLE", md5, "ABORTED"]);
    const row = await db.upload.findUniqueOrThrow({ where: { id: must(done.uploadId, "the new slot") } });
    expect([row.id, row.status, row.md5]).toEqual([slots[1], "COMPLETE", md5]);
    expect(await storedSha256(row.id)).toBe(sha256(new Uint8Array(await file.arrayBuffer())));

    // Refused twice: the file fails, in words.
    corruptions = 2;
    await engine.add([{ file: randomFile("refused.bin", 1000) }]);
    const views = await settled(engine);
    expect(views.map((view) => [view.name, view.state, view.error])).toContainEqual(["refused.bin", "failed", "The file changed or was corrupted on the way. Retry the upload."]);
  });

  it("re-signs a part whose 2-second URL expired before it was sent", async () => {
    const file = randomFile("slow-start.bin", 6 * MiB);
    const statuses: number[] = [];
    let delayed = false;
    const slowStart: Transport = async (request) => {
      if (partNumberOf(request.url) === 1 && !delayed) {
        delayed = true;
        await new Promise((resolve) => setTimeout(resolve, 4000)); // the URL is 4 s old when used
      }
      try {
        return await fetchTransport(request);
      } catch (error) {
        statuses.push((error as { status?: number }).status ?? 0);
        throw error;
      }
    };
    const { api, calls } = domainApi(userId);
    const engine = engineFor(api, slowStart);
    await engine.add([{ file }]);
    const [view] = await settled(engine);

    expect(view.state, view.error).toBe("done");
    expect(statuses).toEqual([403]);
    expect(calls.signParts).toBeGreaterThanOrEqual(2);
    expect(await storedSha256(must(view.uploadId, "an upload id"))).toBe(sha256(new Uint8Array(await file.arrayBuffer())));
  });

  it("uploads without MD5s too (integrity off), and a single PUT for small files", async () => {
    const big = randomFile("no-md5.bin", 7 * MiB);
    const small = randomFile("small.bin", 1000);
    const { api } = domainApi(userId);
    const engine = engineFor(api, fetchTransport, { md5: false });
    await engine.add([{ file: big }, { file: small, folder: "docs/2024" }]);
    const views = await settled(engine);
    expect(views.map((view) => view.state)).toEqual(["done", "done"]);
    const smallView = must(
      views.find((view) => view.name === "small.bin"),
      "a view of small.bin",
    );
    const smallRow = await db.upload.findUniqueOrThrow({ where: { id: smallView.uploadId } });
    expect([smallRow.strategy, smallRow.folder]).toEqual(["SINGLE", "docs/2024"]);
    for (const [view, file] of [
      [views[0], big],
      [views[1], small],
    ] as const) {
      expect(view.sent).toBe(file.size);
      expect(await storedSha256(must(view.uploadId, `an upload id for ${view.name}`))).toBe(sha256(new Uint8Array(await file.arrayBuffer())));
    }
  });
});
