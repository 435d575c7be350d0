import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { SNIFF_BYTES, sniffType, typeMismatch } from "@/lib/processing/sniff-type";

const text = (value: string) => new TextEncoder().encode(value);

/** One stored (uncompressed) zip entry: a local file header, the name and the data. */
function zipEntry(name: string, data: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(data)]);
}

const image = (format: "png" | "jpeg") =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "black", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
    [format]()
    .toBuffer();

describe("sniffType", () => {
  it("names images, PDFs and zips from their first bytes", async () => {
    const png = await image("png");
    expect(png.length).toBeGreaterThan(SNIFF_BYTES);
    expect(await sniffType(png.subarray(0, SNIFF_BYTES))).toBe("image/png");
    expect(await sniffType((await image("jpeg")).subarray(0, SNIFF_BYTES))).toBe("image/jpeg");
    expect(await sniffType(text("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))).toBe("application/pdf");
    expect(await sniffType(zipEntry("notes.txt", "hello"))).toBe("application/zip");
  });

  it("works on a head shorter than SNIFF_BYTES", async () => {
    expect(await sniffType((await image("png")).subarray(0, 64))).toBe("image/png");
    expect(await sniffType(text("%PDF-1.7\n"))).toBe("application/pdf");
  });

  it("names an Office file when its head shows it, and the zip when it does not", async () => {
    const contentTypes = '<?xml version="1.0"?><Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    expect(await sniffType(zipEntry("[Content_Types].xml", contentTypes))).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const late = Buffer.concat([zipEntry("_rels/.rels", "x".repeat(SNIFF_BYTES)), zipEntry("[Content_Types].xml", contentTypes)]).subarray(0, SNIFF_BYTES);
    const detectedType = await sniffType(late);
    expect(detectedType).toBe("application/zip");
    const declaredType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    expect(typeMismatch({ declaredType, name: "report.docx", detectedType })).toBe(false);
  });

  it("answers null for text and for nothing at all", async () => {
    expect(await sniffType(text("just some plain text,\nwith two lines\n"))).toBeNull();
    expect(await sniffType(text('{"json": true}'))).toBeNull();
    expect(await sniffType(new Uint8Array(0))).toBeNull();
    expect(await sniffType(new Uint8Array([0x89]))).toBeNull();
  });
});

describe("typeMismatch", () => {
  const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  it.each([
    // [declared, name, detected, mismatch]
    ["application/pdf", "x.pdf", "image/png", true],
    ["image/png", "photo.pdf", "image/png", true],
    ["image/png", "a.png", "image/png", false],
    ["application/octet-stream", "a.png", "image/png", false],
    ["", "a.png", "image/png", false],
    ["binary/octet-stream", "scan", "image/png", false],
    ["application/octet-stream", "photo.pdf", "image/png", true],
    ["image/png", "README", "image/png", false],
    ["image/png", "a.png", null, false],
    ["text/plain", "notes.txt", null, false],
    ["image/PNG", "A.PNG", "image/png", false],
    ["image/jpg", "a.jpg", "image/jpeg", false],
    ["image/pjpeg", "IMG_1.JPEG", "image/jpeg", false],
    ["audio/mp3", "song.mp3", "audio/mpeg", false],
    ["application/x-zip-compressed", "a.zip", "application/zip", false],
    [docx, "report.docx", "application/zip", false],
    [docx, "report.docx", docx, false],
    [xlsx, "budget.xlsx", "application/x-cfb", false], // password-protected
    ["application/msword", "old.doc", "application/x-cfb", false],
    ["application/epub+zip", "book.epub", "application/zip", false],
    ["application/java-archive", "app.jar", "application/zip", false],
    ["application/x-iwork-keynote-sffkey", "talk.key", "application/zip", false], // a type file-type cannot detect, on its container
    ["application/x-iwork-keynote-sffkey", "talk.key", "application/vnd.apple.keynote", false],
    ["application/x-made-up", "blob", "image/png", true], // ... but not on a format of its own
    ["application/x-blender", "scene.blend", "application/zip", true], // a type file-type would have named
    ["image/svg+xml", "logo.svg", "application/xml", false],
    ["video/mp4", "clip.mp4", "video/quicktime", false],
    ["audio/webm", "voice.webm", "video/webm", false],
    ["audio/ogg", "voice.ogg", "audio/ogg; codecs=opus", false],
    ["image/png", "spinner.png", "image/apng", false],
    ["image/x-nikon-nef", "DSC_0001.NEF", "image/tiff", false],
    ["font/otf", "face.otf", "font/ttf", false],
    ["application/x-gzip", "backup.tar.gz", "application/gzip", false],
    ["application/postscript", "logo.ai", "application/pdf", false],
    ["image/jpeg", "photo.bin", "image/jpeg", false],
    ["text/plain; charset=utf-8", "a.txt", "image/png", true],
    ["image/png", "image.png.exe", "image/png", true],
    ["application/zip", "a.zip", "application/pdf", true],
    ["text/plain", "data.zip", "application/zip", true],
    ["application/json", "data.json", "application/zip", true],
    ["image/jpeg", "photo.jpg", "image/heic", true],
    ["application/octet-stream", "setup.exe", "application/x-elf", true],
  ])("declared %j, name %j, detected %j: %j", (declaredType, name, detectedType, expected) => {
    expect(typeMismatch({ declaredType, name, detectedType })).toBe(expected);
  });
});
