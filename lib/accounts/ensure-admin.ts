import { randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { createAccount } from "./create-account";

export type AdminBootstrap = { created: false } | { created: true; email: string; password: string; generated: boolean };

/**
 * Makes sure an admin exists. ADMIN_EMAIL/ADMIN_PASSWORD name it; without them the first start
 * creates admin@slipway.local with a random password that is returned (to be printed) once.
 */
async function createAdminUnlessOneExists(): Promise<AdminBootstrap> {
  if (env.ADMIN_EMAIL) {
    const email = env.ADMIN_EMAIL.toLowerCase();
    if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { created: false };
    const password = env.ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
    await createAccount({ email, password, name: "Administrator" }, undefined, "ADMIN");
    return { created: true, email, password, generated: !env.ADMIN_PASSWORD };
  }
  if (await db.user.findFirst({ where: { role: "ADMIN" }, select: { id: true } })) return { created: false };
  const password = randomBytes(12).toString("base64url");
  const email = "admin@slipway.local";
  await createAccount({ email, password, name: "Administrator" }, undefined, "ADMIN");
  return { created: true, email, password, generated: true };
}

/**
 * Makes sure an admin exists (above). Instances started together on an empty database all find no
 * admin and all try to create it: those that lose the insert on the unique e-mail carry on.
 */
export async function ensureAdmin(): Promise<AdminBootstrap> {
  try {
    return await createAdminUnlessOneExists();
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return { created: false };
    throw error;
  }
}
