import { post } from "./call";

/** Sign-up over the JSON API (signing in is next-auth's). */
export const accountApi = {
  create: (input: { name: string; email: string; password: string }) => post<{ user: { id: string; email: string; name: string } }>("/api/account", input),
};
