import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffType } from "@/lib/processing/sniff-type";
import { isThumbnailType, startThumbnail } from "@/lib/processing/thumbnail";

const CHUNK = 64 * 1024;
const LIMITS = { maxPixels: 50_000_000 };

/** A noisy image, so that it compresses badly and arrives in many chunks. */
const noise = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "black", noise: { type: "gaussian", mean: 128, sigma: 40 } } });

const wide = noise(2000, 1000).png().toBuffer();

async function feed(bytes: Buffer, options: Parameters<typeof startThumbnail>[0] = LIMITS) {
  const sink = startThumbnail(options);
  for (let offset = 0; offset < bytes.length; offset += CHUNK) await sink.write(bytes.subarray(offset, offset + CHUNK));
  return sink.end();
}

describe("isThumbnailType", () => {
  it("takes the raster formats this sharp decodes, never SVG or PDF", () => {
    for (const type of ["image/jpeg", "image/png", "image/apng", "image/webp", "image/gif", "image/avif", "image/tiff"]) expect(isThumbnailType(type), type).toBe(true);
    for (const type of ["image/svg+xml", "application/pdf", "image/heic", "image/bmp", "application/zip", null]) expect(isThumbnailType(type), String(type)).toBe(false);
  });
});

describe("startThumbnail", () => {
  it.each([
    ["its size known", (png: Buffer) => ({ ...LIMITS, size: png.length })],
    ["its size unknown", () => LIMITS],
    ["too small a size", () => ({ ...LIMITS, size: 1000 })],
  ])("makes a WebP within 320 px of a 2000 x 1000 PNG fed in 64 KiB chunks, %s, and reports the original size", async (_, options) => {
    const png = await wide;
    expect(png.length).toBeGreaterThan(10 * CHUNK);
    const thumbnail = await feed(png, options(png));
    expect([thumbnail.width, thumbnail.height]).toEqual([2000, 1000]);
    const made = await sharp(thumbnail.webp).metadata();
    expect([made.format, made.width, made.height]).toEqual(["webp", 320, 160]);
  });

  it("turns a JPEG by its EXIF orientation, reports the turned size and strips the metadata", async () => {
    const jpeg = await noise(800, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    const thumbnail = await feed(jpeg);
    expect([thumbnail.width, thumbnail.height]).toEqual([400, 800]);
    const made = await sharp(thumbnail.webp).metadata();
    expect([made.width, made.height, made.orientation, made.exif]).toEqual([160, 320, undefined, undefined]);
  });

  it("never enlarges a small image", async () => {
    const thumbnail = await feed(await noise(40, 30).webp().toBuffer());
    expect(await sharp(thumbnail.webp).metadata()).toMatchObject({ width: 40, height: 30 });
  });

  it("takes the first frame of an animated GIF", async () => {
    const frames = Buffer.alloc(100 * 100 * 4); // a red frame, then a blue one
    for (let pixel = 0; pixel < 100 * 100; pixel++) frames.set(pixel < 100 * 50 ? [255, 0, 0, 255] : [0, 0, 255, 255], pixel * 4);
    const gif = await sharp(frames, { raw: { width: 100, height: 100, channels: 4, pageHeight: 50 } })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const thumbnail = await feed(gif);
    expect([thumbnail.width, thumbnail.height]).toEqual([100, 50]);
    expect((await sharp(thumbnail.webp).metadata()).pages ?? 1).toBe(1);
    const { data } = await sharp(thumbnail.webp).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // red: the first frame
    expect(data[2]).toBeLessThan(50);
  });

  it("decodes the first frame of an APNG, which file-type names apart", async () => {
    const png = await noise(64, 64).png().toBuffer();
    const actl = Buffer.alloc(20); // acTL: 2 frames, looping; inserted after IHDR
    actl.writeUInt32BE(8, 0);
    actl.write("acTL", 4, "latin1");
    actl.writeUInt32BE(2, 8);
    actl.writeUInt32BE(crc32(actl.subarray(4, 16)), 16);
    const apng = Buffer.concat([png.subarray(0, 33), actl, png.subarray(33)]);
    expect(await sniffType(apng)).toBe("image/apng");
    expect(await feed(apng)).toMatchObject({ width: 64, height: 64 });
  });

  it("rejects a truncated PNG clearly, and the next image still works", async () => {
    const png = await noise(600, 400).png().toBuffer();
    await expect(feed(png.subarray(0, png.length / 2), { ...LIMITS, size: png.length })).rejects.toThrow(/^the image could not be decoded \(truncated or corrupt\?\): .+/);
    expect(await feed(png)).toMatchObject({ width: 600, height: 400 });
  });

  it("refuses an image whose header declares more pixels than the limit, naming the limit", async () => {
    const png = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: "red" } })
        .png()
        .toBuffer(),
    );
    png.writeUInt32BE(100_000, 16); // IHDR width and height, then its CRC
    png.writeUInt32BE(100_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    await expect(feed(png)).rejects.toThrow("the image is 100000 x 100000 pixels, over the limit of 50000000 pixels");
    await expect(feed(await wide, { maxPixels: 1_999_999 })).rejects.toThrow("over the limit of 1999999 pixels");
  });

  it("rejects garbage, and an SVG fed to it", async () => {
    await expect(feed(Buffer.from("not an image at all\n".repeat(1000)))).rejects.toThrow(/^the image could not be read: /);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    await expect(feed(svg)).rejects.toThrow("the bytes are a svg image, which gets no thumbnail");
  });

  it("takes writes after a failure or an abort without waiting, and end() then rejects", async () => {
    const failed = startThumbnail(LIMITS);
    await failed.write(new Uint8Array([1, 2, 3]));
    await expect(failed.end()).rejects.toThrow();
    await expect(failed.write(new Uint8Array(CHUNK))).resolves.toBeUndefined();

    const aborted = startThumbnail(LIMITS);
    await aborted.write((await noise(100, 100).png().toBuffer()).subarray(0, 100));
    aborted.abort();
    await expect(aborted.write(new Uint8Array(CHUNK))).resolves.toBeUndefined();
    await expect(aborted.end()).rejects.toThrow("the thumbnail was aborted");
  });
});
