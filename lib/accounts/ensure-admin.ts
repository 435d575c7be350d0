import { randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { createAccount } from "./create-account";

/** A created admin; `generatedPassword` only when Slipway chose it (one the operator supplied is never repeated back). */
export type AdminBootstrap = { created: false } | { created: true; email: string; generatedPassword: string | null };

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
    return { created: true, email, generatedPassword: env.ADMIN_PASSWORD ? null : password };
  }
  if (await db.user.findFirst({ where: { role: "ADMIN" }, select: { id: true } })) return { created: false };
  const generatedPassword = randomBytes(12).toString("base64url");
  const email = "admin@slipway.local";
  await createAccount({ email, password: generatedPassword, name: "Administrator" }, undefined, "ADMIN");
  return { created: true, email, generatedPassword };
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
