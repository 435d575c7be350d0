import { HttpError } from "../errors";
import type { RequestMeta } from "../http";
import { PASSWORD_WINDOW_SECONDS, TRIES_PER_ADDRESS, TRIES_PER_ADDRESS_UNDER_ATTACK, TRIES_PER_LINK } from "../links/admit-password-try";
import { verifyPassword } from "../password";
import { forget, hit, peek, tally, tooManyRequests } from "../rate-limit";

/**
 * Checks a request's password, rate-limited as a share link's (lib/links/admit-password-try.ts):
 * 10 tries per address per request, and once the request has seen 100 wrong ones from everywhere,
 * each address is held to its first 3. Unlike a link, a guest sends the password again with every
 * file, so a right password clears the address's count and only wrong ones count request-wide:
 * a guest dropping a folder of 500 files is never held up by their own right password.
 */
export async function admitRequestPassword(requestId: string, passwordHash: string, password: string | undefined, meta: RequestMeta): Promise<void> {
  if (password === undefined) throw new HttpError({ code: "password_required", message: "This upload request is protected by a password." });
  const scope = `request-password:${requestId}`;
  const here = `${scope}:${meta.ip ?? "local"}`;
  const fromHere = await hit(here, { limit: TRIES_PER_ADDRESS, windowSeconds: PASSWORD_WINDOW_SECONDS });
  if ((await peek(scope, PASSWORD_WINDOW_SECONDS)) > TRIES_PER_LINK && fromHere.used > TRIES_PER_ADDRESS_UNDER_ATTACK) throw tooManyRequests(fromHere.retryAfterSeconds);
  if (await verifyPassword(passwordHash, password)) return forget(here, { limit: TRIES_PER_ADDRESS, windowSeconds: PASSWORD_WINDOW_SECONDS });
  await tally(scope, PASSWORD_WINDOW_SECONDS);
  throw new HttpError({ code: "wrong_password", message: "That password is not right." });
}
