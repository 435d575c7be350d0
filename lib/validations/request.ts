import { z } from "zod";
import { cleanMultilineText, cleanText } from "../clean-text";
import { createUploadSchema } from "./upload";

export const MIN_REQUEST_SECONDS = 60;
export const MAX_REQUEST_SECONDS = 30 * 24 * 3600;
export const MAX_ALLOWED_TYPES = 20;

export const requestIdSchema = z.uuid();

/** A guest's upload key as handed out with the slot: 32 random bytes in base64url (43 characters). */
export const uploadKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** `type/subtype` or a family `type/*`, in RFC 6838 restricted-name characters (lowercased). */
const typePattern = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]{0,126})$/, 'Each allowed type is "type/subtype" or "type/*", e.g. "application/pdf" or "image/*".');

const positiveBytes = (what: string) => z.number().int(`${what} must be a whole number of bytes.`).min(1, `${what} must be at least 1 byte.`).max(Number.MAX_SAFE_INTEGER);

export const createRequestSchema = z
  .strictObject({
    label: z.string().overwrite(cleanText).trim().min(1, "Give the request a label.").max(100, "Keep the label under 100 characters."),
    message: z.string().overwrite(cleanMultilineText).trim().max(2000, "Keep the message under 2,000 characters.").optional(),
    expiresInSeconds: z.number().int().min(MIN_REQUEST_SECONDS, "A request must stay open at least a minute.").max(MAX_REQUEST_SECONDS, "A request can stay open at most 30 days."),
    maxFiles: z.number().int().min(1, "Accept at least one file.").max(100_000, "Accept at most 100,000 files, or leave the limit empty.").optional(),
    maxFileBytes: positiveBytes("maxFileBytes").optional(),
    maxTotalBytes: positiveBytes("maxTotalBytes").optional(),
    allowedTypes: z
      .array(typePattern)
      .max(MAX_ALLOWED_TYPES, `Allow at most ${MAX_ALLOWED_TYPES} types, or none for any type.`)
      .transform((types) => [...new Set(types)])
      .optional(),
    password: z.string().min(8, "Use at least 8 characters for a request password.").max(1024, "A password can have at most 1024 characters.").optional(),
    askName: z.boolean().optional(),
    askEmail: z.boolean().optional(),
  })
  .refine((input) => input.maxFileBytes === undefined || input.maxTotalBytes === undefined || input.maxFileBytes <= input.maxTotalBytes, {
    message: "The largest file cannot be larger than the total the request accepts.",
    path: ["maxFileBytes"],
  });
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

export const listRequestsSchema = z.object({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const requestPasswordSchema = z.strictObject({ password: z.string().max(1024, "A password can have at most 1024 characters.") });

/** POST /api/r/:token/uploads: the file as for POST /api/uploads, and what the request asks of the guest. */
export const createGuestUploadSchema = createUploadSchema.extend({
  guestName: z.string().overwrite(cleanText).trim().max(100, "Keep your name under 100 characters.").optional(),
  guestEmail: z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), z.email("Enter a valid e-mail address.").max(254)]))
    .optional(),
  password: z.string().max(1024, "A password can have at most 1024 characters.").optional(),
});
export type CreateGuestUploadInput = z.infer<typeof createGuestUploadSchema>;
