/**
 * The client address from X-Forwarded-For: its right-most entry, the one the nearest reverse proxy
 * appended. Entries further left come from the client itself and can say anything. (Without a
 * proxy, `next start` only fills the header in when the request has none.)
 */
export function clientIp(forwardedFor: string | null | undefined): string | null {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last || null;
}
