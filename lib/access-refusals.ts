import { HttpError } from "./errors";

// Who may make a request is decided at the door (lib/auth.ts) and again inside a change an admin
// makes (lib/admin/lock-acting-admin.ts); both refuse in the same words.

export const notSignedIn = () => new HttpError({ code: "unauthenticated", message: "Sign in to continue." });

export const accountDisabled = () => new HttpError({ code: "account_disabled", message: "Your account has been disabled by an administrator." });

export const notAnAdmin = () => new HttpError({ code: "forbidden", message: "Only administrators can do this." });
