import { z } from "zod";

export const uploadIdSchema = z.uuid();

const md5Schema = z.string().regex(/^[A-Za-z0-9+/]{22}==$/, "md5 must be the base64 encoding of 16 bytes.");

export const createUploadSchema = z.strictObject({
  name: z.string().max(4096, "The file name is too long."),
  type: z.string().max(255, "The content type is too long."),
  size: z.number().int("Size must be a whole number of bytes.").nonnegative("Size cannot be negative.").max(Number.MAX_SAFE_INTEGER),
  md5: md5Schema.optional(),
  /** Relative folder of a file from a dropped folder, for display. */
  folder: z.string().max(4096, "The folder path is too long.").optional(),
});
export type CreateUploadInput = z.infer<typeof createUploadSchema>;

export const signPartsSchema = z.strictObject({
  parts: z
    .array(z.strictObject({ number: z.number().int().min(1).max(10_000), md5: md5Schema.optional() }))
    .min(1, "Ask for at least one part.")
    .max(100, "Ask for at most 100 parts per call.")
    .refine((parts) => new Set(parts.map((part) => part.number)).size === parts.length, "Each part number may appear once."),
});
export type SignPartsInput = z.infer<typeof signPartsSchema>;

export const listUploadsSchema = z.object({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
