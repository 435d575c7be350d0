import { describe, expect, it } from "vitest";
import { createUploadSchema } from "@/lib/validations/upload";

const withSize = (size: unknown) => createUploadSchema.safeParse({ name: ".gitkeep", type: "", size });

describe("createUploadSchema size", () => {
  it("accepts an empty file: S3 stores empty objects", () => {
    expect(withSize(0).data?.size).toBe(0);
  });

  it("refuses a negative or fractional size in words", () => {
    expect(withSize(-1).error?.issues[0].message).toBe("Size cannot be negative.");
    expect(withSize(0.5).error?.issues[0].message).toBe("Size must be a whole number of bytes.");
  });
});
