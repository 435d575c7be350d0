import { z } from "zod";

export const uploadIdSchema = z.uuid();

export const createUploadSchema = z.object({
  name: z.string().max(4096, "The file name is too long."),
  type: z.string().max(255, "The content type is too long."),
  size: z.number().int("Size must be a whole number of bytes.").positive("Empty files cannot be uploaded.").max(Number.MAX_SAFE_INTEGER),
  md5: z
    .string()
    .regex(/^[A-Za-z0-9+/]{22}==$/, "md5 must be the base64 encoding of 16 bytes.")
    .optional(),
});
export type CreateUploadInput = z.infer<typeof createUploadSchema>;

export const listUploadsSchema = z.object({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
