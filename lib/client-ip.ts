/**
 * The client address from X-Forwarded-For: its right-most entry. server.ts replaces whatever
 * header a request arrives with by exactly one entry, the address it decided (the socket's peer,
 * or with TRUST_PROXY the entry its trusted proxies wrote), so the right-most is that one. Taking
 * the right-most, not the only, entry keeps a stray client-written entry from ever winning.
 */
export function clientIp(forwardedFor: string | null | undefined): string | null {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last || null;
}
