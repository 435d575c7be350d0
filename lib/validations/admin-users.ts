import { z } from "zod";
import { queryText } from "./query-fields";

/** The largest quota an admin can set: the size of S3's (and UPLOAD_MAX_BYTES's) largest file. */
export const MAX_QUOTA_BYTES = 5 * 1024 ** 4;

export const adminUserIdSchema = z.uuid();

// `?q=` and `?cursor=` with nothing after them mean "not given", as a form sends them.
const optionalText = (max: number) =>
  queryText(max)
    .transform((value) => value || undefined)
    .optional();

export const listUsersSchema = z.object({
  q: optionalText(254),
  cursor: optionalText(100),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListUsersInput = z.infer<typeof listUsersSchema>;

export const updateUserSchema = z
  .strictObject({
    role: z.enum(["USER", "ADMIN"]).optional(),
    trusted: z.boolean().optional(),
    disabled: z.boolean().optional(),
    quotaBytes: z
      .number()
      .int("The quota must be a whole number of bytes.")
      .min(0, "The quota cannot be negative.")
      .max(MAX_QUOTA_BYTES, "The quota can be at most 5 TiB.")
      .optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "Change at least one of role, trusted, disabled or quotaBytes.");
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
