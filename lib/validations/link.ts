import { z } from "zod";

export const MAX_LINK_SECONDS = 30 * 24 * 3600;

export const linkIdSchema = z.uuid();

/** A share token as handed out: 32 random bytes in base64url (43 characters). */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const createLinkSchema = z.strictObject({
  expiresInSeconds: z
    .number()
    .int()
    // A few seconds is enough to hand a file over in person (and to test expiry for real).
    .min(5, "A link must live at least 5 seconds.")
    .max(MAX_LINK_SECONDS, "A link can live at most 30 days."),
  maxDownloads: z.number().int().min(1, "Allow at least one download.").max(1_000_000, "Allow at most 1,000,000 downloads, or leave the limit empty.").optional(),
  password: z.string().min(8, "Use at least 8 characters for a link password.").max(1024, "A password can have at most 1024 characters.").optional(),
});
export type CreateLinkInput = z.infer<typeof createLinkSchema>;
