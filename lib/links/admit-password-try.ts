import type { RequestMeta } from "../http";
import { hit, tally, tooManyRequests } from "../rate-limit";

/** How long password tries are remembered. */
export const PASSWORD_WINDOW_SECONDS = 600;
/** Password tries one address may make on one link: strict, whoever is trying. */
export const TRIES_PER_ADDRESS = 10;
/** Tries on one link from all addresses together before each address is held to a few. */
export const TRIES_PER_LINK = 100;
/** What each address may still try while the link is being guessed at from everywhere. */
export const TRIES_PER_ADDRESS_UNDER_ATTACK = 3;

/**
 * Counts one password try on a link, or 429. A link-wide count that refused everyone would let
 * a token holder hammering wrong passwords keep the real recipient out; instead, once the link
 * has seen too many tries, every address is held to its first few: the recipient, with the
 * right password, still gets in at the first try, and guessing from many addresses stays slow.
 */
export async function admitPasswordTry(linkId: string, meta: RequestMeta): Promise<void> {
  const fromHere = await hit(`link-password:${linkId}:${meta.ip ?? "local"}`, { limit: TRIES_PER_ADDRESS, windowSeconds: PASSWORD_WINDOW_SECONDS });
  const everywhere = await tally(`link-password:${linkId}`, PASSWORD_WINDOW_SECONDS);
  if (everywhere.used > TRIES_PER_LINK && fromHere.used > TRIES_PER_ADDRESS_UNDER_ATTACK) throw tooManyRequests(fromHere.retryAfterSeconds);
}
