import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { compileMd5Wasm } from "@/lib/upload-client/md5/compile-md5-wasm";
import { hashWasmMd5 } from "@/lib/upload-client/md5/hash-wasm-md5";
import { Md5Lanes, type Md5Wasm } from "@/lib/upload-client/md5/md5-lanes";

const MiB = 1024 * 1024;
const hex = (digest: Uint8Array) => Buffer.from(digest).toString("hex");
const nodeMd5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");
const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);

// RFC 1321 A.5
const RFC_VECTORS: Array<[string, string]> = [
  ["", "d41d8cd98f00b204e9800998ecf8427e"],
  ["a", "0cc175b9c0f1b6a831c399e269772661"],
  ["abc", "900150983cd24fb0d6963f7d28e17f72"],
  ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
  ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
  ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
  ["1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"],
];

/** Lengths around every block boundary: 0–200, then k × 64 + {-9, -8, -1, 0, 1} (55/56/63/64/65, …). */
function boundaryLengths(count: number): number[] {
  const lengths = Array.from({ length: 201 }, (_, n) => n);
  for (let k = 1; lengths.length < count; k = (k % 40) + 1) {
    for (const delta of [-9, -8, -1, 0, 1]) if (lengths.length < count) lengths.push(k * 64 + delta);
  }
  return lengths;
}

let compiled: WebAssembly.Module;
beforeAll(async () => {
  compiled = new WebAssembly.Module(await compileMd5Wasm());
});

/** Fresh lanes on a new instance; counts which pass ran. */
function lanes(regionBytes: number) {
  const wasm = new WebAssembly.Instance(compiled).exports as unknown as Md5Wasm;
  const calls = { x8: 0, x1: 0 };
  const counted: Md5Wasm = {
    memory: wasm.memory,
    md5x8: (...args) => {
      calls.x8++;
      wasm.md5x8(...args);
    },
    md5x1: (lane, pointer, blocks) => {
      calls.x1++;
      wasm.md5x1(lane, pointer, blocks);
    },
  };
  return { md5: new Md5Lanes(counted, regionBytes), calls };
}

describe("multi-buffer MD5 (md5x8 and md5x1)", () => {
  it("gives RFC 1321's digests, in 7 lanes at once and one at a time", async () => {
    const { md5 } = lanes(64);
    const bytes = RFC_VECTORS.map(([text]) => new TextEncoder().encode(text));
    expect((await Promise.all(bytes.map((b) => md5.digest(blob(b))))).map(hex)).toEqual(RFC_VECTORS.map(([, digest]) => digest));
    for (const [i, b] of bytes.entries()) expect(hex(await md5.digest(blob(b)))).toBe(RFC_VECTORS[i][1]);
  });

  it("matches Node's MD5 on 997 random buffers around every block boundary, lanes refilled as they finish", async () => {
    // 192-byte regions: lanes run out of data at different points and take new buffers mid-way.
    const { md5, calls } = lanes(192);
    const buffers = boundaryLengths(997).map((length) => randomBytes(length));
    const digests = await Promise.all(buffers.map((b) => md5.digest(blob(b))));
    expect(digests.map(hex)).toEqual(buffers.map(nodeMd5));
    expect(calls.x8).toBeGreaterThan(100);
  });

  it("matches Node's MD5 at 5 MiB − 1, 5 MiB and 5 MiB + 1, next to parts of other lengths", async () => {
    const { md5 } = lanes(64 * 1024);
    const buffers = [5 * MiB - 1, 5 * MiB, 5 * MiB + 1, 3 * MiB + 7, 100].map((length) => randomBytes(length));
    expect((await Promise.all(buffers.map((b) => md5.digest(blob(b))))).map(hex)).toEqual(buffers.map(nodeMd5));
  });

  it("hashes 1 or 2 busy lanes lane by lane and 3 or more in the 8-lane pass", async () => {
    for (const busy of [1, 2, 3, 8]) {
      const { md5, calls } = lanes(1024);
      const buffers = Array.from({ length: busy }, (_, i) => randomBytes(5000 + 64 * i + i));
      expect((await Promise.all(buffers.map((b) => md5.digest(blob(b))))).map(hex)).toEqual(buffers.map(nodeMd5));
      if (busy < 3) expect(calls.x8).toBe(0);
      else expect(calls.x8).toBeGreaterThan(0);
    }
  });

  it("takes parts queued while others are being hashed, into freed lanes", async () => {
    const { md5 } = lanes(256);
    const first = Array.from({ length: 8 }, (_, i) => randomBytes(1000 * (i + 1)));
    const later = Array.from({ length: 5 }, (_, i) => randomBytes(3000 + i * 61));
    const pending = first.map((b) => md5.digest(blob(b)));
    await pending[0]; // the shortest is done: its lane frees up while the others still run
    const added = later.map((b) => md5.digest(blob(b)));
    expect((await Promise.all([...pending, ...added])).map(hex)).toEqual([...first, ...later].map(nodeMd5));
  });

  it("fails only the part whose Blob cannot be read", async () => {
    const { md5 } = lanes(128);
    const failing = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error("the file changed")) });
    const unreadable = { size: 1000, stream: () => failing } as unknown as Blob;
    const good = [randomBytes(700), randomBytes(2000)];
    const results = await Promise.allSettled([md5.digest(blob(good[0])), md5.digest(unreadable), md5.digest(blob(good[1]))]);
    expect(results[1]).toMatchObject({ status: "rejected", reason: new Error("the file changed") });
    expect(results.flatMap((r) => (r.status === "fulfilled" ? [hex(r.value)] : []))).toEqual(good.map(nodeMd5));
  });
});

describe("hash-wasm fallback (browsers without WebAssembly SIMD)", () => {
  it("gives RFC 1321's digests and Node's on boundary lengths and 5 MiB ± 1", async () => {
    const md5 = hashWasmMd5();
    for (const [text, digest] of RFC_VECTORS) expect(hex(await md5(blob(new TextEncoder().encode(text))))).toBe(digest);
    const buffers = [...boundaryLengths(300), 5 * MiB - 1, 5 * MiB, 5 * MiB + 1].map((length) => randomBytes(length));
    expect((await Promise.all(buffers.map((b) => md5(blob(b))))).map(hex)).toEqual(buffers.map(nodeMd5));
  });
});
