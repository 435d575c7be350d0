import { z } from "zod";
import { cleanText } from "../clean-text";
import { instant } from "./query-fields";

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

const newPasswordSchema = z.string().min(12, "Use at least 12 characters for your password.").max(1024, "That password is too long.");

export const signUpSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().overwrite(cleanText).trim().min(1, "Tell us your name.").max(100, "Keep your name under 100 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Query of the usage read: files received through upload requests after this time (all without it). */
export const usageQuerySchema = z.object({ receivedSince: instant.optional() });
