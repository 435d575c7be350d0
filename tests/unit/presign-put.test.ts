import { describe, expect, it } from "vitest";
import { bucket, presignPut } from "@/lib/s3";

function signedHeaders(url: string): string[] {
  return (new URL(url).searchParams.get("X-Amz-SignedHeaders") ?? "").split(";");
}

describe("presignPut", () => {
  const base = { key: "u/user/upload/report.pdf", contentLength: 1234, contentType: "application/pdf", expiresInSeconds: 900 };

  it("carries no flexible-checksum parameters, which real S3 would then demand", async () => {
    const { url } = await presignPut({ ...base, contentMd5: "1B2M2Y8AsgTpgAmY7PhCfg==" });
    const names = [...new URL(url).searchParams.keys()].map((name) => name.toLowerCase());
    expect(names.filter((name) => name.startsWith("x-amz-checksum-"))).toEqual([]);
    expect(names).not.toContain("x-amz-sdk-checksum-algorithm");
    expect(url.toLowerCase()).not.toContain("checksum");
  });

  it("signs content-type and content-length, and content-md5 when given", async () => {
    const plain = await presignPut(base);
    expect(signedHeaders(plain.url)).toEqual(expect.arrayContaining(["content-length", "content-type", "host"]));
    expect(signedHeaders(plain.url)).not.toContain("content-md5");
    expect(plain.headers).toEqual({ "Content-Type": "application/pdf" });

    const withMd5 = await presignPut({ ...base, contentMd5: "1B2M2Y8AsgTpgAmY7PhCfg==" });
    expect(signedHeaders(withMd5.url)).toEqual(expect.arrayContaining(["content-length", "content-md5", "content-type", "host"]));
    expect(withMd5.headers).toEqual({ "Content-Type": "application/pdf", "Content-MD5": "1B2M2Y8AsgTpgAmY7PhCfg==" });
  });

  it("expires when asked, at most as the caller says, and targets the server-chosen key", async () => {
    const before = Date.now();
    const { url, expiresAt } = await presignPut({ ...base, expiresInSeconds: 60 });
    const parsed = new URL(url);
    expect(parsed.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(61_000);
    expect(parsed.pathname).toBe(`/${bucket}/u/user/upload/report.pdf`);
  });

  it("scopes a part URL to its upload id and part number", async () => {
    const { url, headers } = await presignPut({ key: base.key, contentLength: 5 * 1024 * 1024, expiresInSeconds: 900, part: { uploadId: "2~abc/def+", number: 7 } });
    const parsed = new URL(url);
    expect(parsed.searchParams.get("partNumber")).toBe("7");
    expect(parsed.searchParams.get("uploadId")).toBe("2~abc/def+");
    expect(headers).toEqual({});
  });
});
