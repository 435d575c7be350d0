import { describe, expect, it } from "vitest";
import type { SignedPart, UploadApi } from "@/lib/upload-client/upload-api";
import { PartSigner } from "@/lib/upload-client/part-signer";

function fakeApi(ttlMs: number, now: () => number) {
  const calls: Array<Array<{ number: number; md5?: string }>> = [];
  const api = {
    signParts: async (_id: string, parts: Array<{ number: number; md5?: string }>): Promise<SignedPart[]> => {
      calls.push(parts);
      return parts.map((part) => ({
        number: part.number,
        url: `https://s3.test/part/${part.number}?sig=${calls.length}`,
        headers: (part.md5 ? { "Content-MD5": part.md5 } : {}) as Record<string, string>,
        expiresAt: new Date(now() + ttlMs).toISOString(),
      }));
    },
  } as unknown as UploadApi;
  return { api, calls };
}

describe("PartSigner", () => {
  it("signs the parts asked for in one tick, plus the ready ones ahead, in one call", async () => {
    const { api, calls } = fakeApi(900_000, Date.now);
    const signer = new PartSigner(api, "u1", () => [3, 4, 5].map((number) => ({ number })));
    const [one, two] = await Promise.all([signer.get(1, undefined), signer.get(2, undefined)]);
    expect([one.number, two.number]).toEqual([1, 2]);
    expect(calls).toEqual([[{ number: 1 }, { number: 2 }, { number: 3 }, { number: 4 }, { number: 5 }]]);
    await signer.get(4, undefined); // signed ahead: no new call
    expect(calls).toHaveLength(1);
  });

  it("signs again when the URL is about to expire, was refused, or the MD5 changed", async () => {
    let clock = 1_000_000;
    const { api, calls } = fakeApi(120_000, () => clock);
    const signer = new PartSigner(
      api,
      "u1",
      () => [],
      () => clock,
    );
    await signer.get(1, "md5-a");
    await signer.get(1, "md5-a");
    expect(calls).toHaveLength(1);
    clock += 61_000; // less than a minute of validity left
    await signer.get(1, "md5-a");
    expect(calls).toHaveLength(2);
    signer.invalidate(1);
    await signer.get(1, "md5-a");
    await signer.get(1, "md5-b");
    expect(calls).toHaveLength(4);
    expect(calls[3]).toEqual([{ number: 1, md5: "md5-b" }]);
  });

  it("never asks for more than 100 parts in one call", async () => {
    const { api, calls } = fakeApi(900_000, Date.now);
    const signer = new PartSigner(api, "u1", () => []);
    await Promise.all(Array.from({ length: 150 }, (_, i) => signer.get(i + 1, undefined)));
    expect(calls.map((call) => call.length)).toEqual([100, 50]);
  });
});

describe("PartSigner with a batch on its way", () => {
  it("waits for a part already being signed ahead instead of asking again", async () => {
    const { api, calls } = fakeApi(900_000, Date.now);
    let ahead = [{ number: 2 }, { number: 3 }];
    const signer = new PartSigner(api, "u1", () => ahead);
    const first = signer.get(1, undefined);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the batch [1, 2, 3] is sent
    ahead = [];
    const [one, two] = await Promise.all([first, signer.get(2, undefined)]);
    expect([one.number, two.number]).toEqual([1, 2]);
    expect(calls).toEqual([[{ number: 1 }, { number: 2 }, { number: 3 }]]);
  });
});
