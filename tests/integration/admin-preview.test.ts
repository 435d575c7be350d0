import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { PREVIEW_URL_SECONDS, previewUpload } from "@/lib/admin/uploads/preview-upload";
import { readTextPreview, TEXT_PREVIEW_BYTES } from "@/lib/admin/uploads/read-text-preview";
import { env } from "@/lib/env";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { meta, newUser, rejection } from "../support/domain-helpers";
import { fetchBytes, finishedUpload, newAdmin } from "../support/review-helpers";

// A 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let ann: string;
let uma: string;

const notPreviewable = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  return [error.status, error.code];
};

beforeAll(async () => {
  [ann, uma] = await Promise.all([newAdmin("Ann"), newUser("Uma")]);
});

describe("inline previews", () => {
  it("redirect to a 5-minute GET that serves a raster image inline as its declared type", async () => {
    const id = await finishedUpload(uma, "dot.png", "image/png", PNG);
    const url = new URL(await previewUpload(id));
    expect(url.searchParams.get("X-Amz-Expires")).toBe(String(PREVIEW_URL_SECONDS));
    expect(PREVIEW_URL_SECONDS).toBeLessThanOrEqual(300);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="dot\.png"/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
  });

  it("show a quarantined file from quarantine/", async () => {
    const id = await finishedUpload(uma, "held.png", "image/png", PNG);
    await decideReview(ann, id, { decision: "reject", note: "held" }, meta);
    const url = await previewUpload(id);
    expect(new URL(url).pathname).toContain("/quarantine/u/");
    expect(await fetchBytes(url)).toEqual(PNG);
  });

  it("are refused (409 not_previewable) for SVG, other types, unfinished files and deleted bytes", async () => {
    expect(await notPreviewable(previewUpload(await finishedUpload(uma, "evil.svg", "image/svg+xml", SVG)))).toEqual([409, "not_previewable"]);
    expect(await notPreviewable(previewUpload(await finishedUpload(uma, "readme.txt", "text/plain", Buffer.from("hi"))))).toEqual([409, "not_previewable"]);
    const open = await createUploadSlot(uma, { name: "open.png", type: "image/png", size: PNG.length }, meta);
    expect(await notPreviewable(previewUpload(open.upload.id))).toEqual([409, "not_previewable"]);
    const deleted = await finishedUpload(uma, "deleted.png", "image/png", PNG);
    env.REJECT_ACTION = "delete";
    try {
      await decideReview(ann, deleted, { decision: "reject", note: "gone" }, meta);
    } finally {
      env.REJECT_ACTION = "quarantine";
    }
    expect(await notPreviewable(previewUpload(deleted))).toEqual([409, "not_previewable"]);
    expect((await rejection(previewUpload(randomUUID()))).status).toBe(404);
  });
});

describe("text previews", () => {
  it("return markup as plain text, whole when the file is small", async () => {
    const text = '<script>alert("x")</script>\n<b>bold</b> & done';
    const id = await finishedUpload(uma, "page.html", "text/html", Buffer.from(text));
    expect(await readTextPreview(id)).toEqual({ text, truncated: false });
  });

  it("read the first 64 KiB of a larger file and say it was cut", async () => {
    const bytes = Buffer.alloc(TEXT_PREVIEW_BYTES + 5000, "x");
    bytes.write("END", TEXT_PREVIEW_BYTES + 4000);
    const { text, truncated } = await readTextPreview(await finishedUpload(uma, "big.csv", "text/csv", bytes));
    expect([text.length, truncated, text.includes("END")]).toEqual([TEXT_PREVIEW_BYTES, true, false]);
  });

  it("drop a character cut at the boundary, and show invalid bytes as U+FFFD", async () => {
    // "€" is 3 bytes; the first 64 KiB end after its first byte.
    const cut = Buffer.concat([Buffer.alloc(TEXT_PREVIEW_BYTES - 1, "a"), Buffer.from("€€")]);
    const { text } = await readTextPreview(await finishedUpload(uma, "cut.txt", "text/plain", cut));
    expect([text.length, text.endsWith("a")]).toEqual([TEXT_PREVIEW_BYTES - 1, true]);
    const invalid = Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x21]);
    expect(await readTextPreview(await finishedUpload(uma, "bad.json", "application/json", invalid))).toEqual({ text: "ok\ufffd\ufffd!", truncated: false });
  });

  it("cover JSON, XML, YAML and SVG source, not binary types", async () => {
    for (const type of ["application/json", "application/xml", "application/yaml", "application/ld+json", "image/svg+xml"]) {
      const id = await finishedUpload(uma, "data", type, Buffer.from("a: 1"));
      expect((await readTextPreview(id)).text, type).toBe("a: 1");
    }
    expect(await notPreviewable(readTextPreview(await finishedUpload(uma, "dot.png", "image/png", PNG)))).toEqual([409, "not_previewable"]);
    expect(await notPreviewable(readTextPreview(await finishedUpload(uma, "blob.bin", "application/octet-stream", randomBytes(10))))).toEqual([409, "not_previewable"]);
  });
});
