import { z } from "zod";
import { cleanText } from "../clean-text";

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

export const signUpSchema = z.object({
  email: emailSchema,
  password: z.string().min(12, "Use at least 12 characters for your password.").max(1024, "That password is too long."),
  name: z.string().overwrite(cleanText).trim().min(1, "Tell us your name.").max(100, "Keep your name under 100 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
