/**
 * Makes sure an admin account exists; prints a newly created one's e-mail and, once, a generated password.
 *   npx tsx scripts/bootstrap-admin.ts
 */
import { ensureAdmin } from "../lib/accounts/ensure-admin";
import { closeDb } from "../lib/db";

try {
  const result = await ensureAdmin();
  if (result.created) {
    const banner = "=".repeat(64);
    // Only a password Slipway generated is shown: one the operator supplied stays out of the logs.
    const password = result.generatedPassword ? `${result.generatedPassword}\n  (generated: shown only this once; change it after signing in)` : "the one in ADMIN_PASSWORD";
    console.log(`${banner}\nSlipway admin account created\n  email:    ${result.email}\n  password: ${password}\n${banner}`);
  } else {
    console.log("bootstrap-admin: an admin account already exists");
  }
} finally {
  await closeDb();
}
