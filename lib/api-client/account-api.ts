import { post } from "./call";

/** Sign-up and the password change over the JSON API (signing in is next-auth's). */
export const accountApi = {
  create: (input: { name: string; email: string; password: string }) => post<{ user: { id: string; email: string; name: string } }>("/api/account", input),
  changePassword: (input: { currentPassword: string; newPassword: string }) => post<void>("/api/account/password", input),
};
