import { env } from "@/lib/env";

/** The per-address budget that the share page and its downloads draw from together. */
export const linkAccess = { rateLimit: { name: "link", limit: env.LINK_ACCESS_PER_IP_PER_MINUTE, windowSeconds: 60 } };
