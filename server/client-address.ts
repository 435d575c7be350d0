import { isIPv4 } from "node:net";

/** The most proxy hops TRUST_PROXY may name (lib/env.ts holds the same bound). */
export const MAX_TRUSTED_HOPS = 10;

/** An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; one spelling per address keeps one budget per address. */
function canonical(address: string): string {
  const mapped = address.startsWith("::ffff:") ? address.slice(7) : address;
  return isIPv4(mapped) ? mapped : address;
}

/**
 * The address of whoever sent a request: the socket's peer, or with `trustedHops` reverse proxies
 * in front, the entry that many hops from the right of X-Forwarded-For plus the peer. Each trusted
 * proxy appends the address it saw, so entries further left were written by the client and can say
 * anything; a chain shorter than the hops (a request that skipped a proxy) gives its left-most entry.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = canonical(socketAddress ?? "unknown");
  if (trustedHops === 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    peer,
  ];
  return canonical(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

/** TRUST_PROXY as a hop count: unset or empty is 0; anything but a whole number up to MAX_TRUSTED_HOPS is refused. */
export function parseTrustedHops(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  const hops = Number(value);
  if (!/^\d+$/.test(value) || hops > MAX_TRUSTED_HOPS) {
    throw new Error(`TRUST_PROXY must be the number of reverse proxies in front of Slipway (0 to ${MAX_TRUSTED_HOPS}), not "${value}"`);
  }
  return hops;
}
