/**
 * Makes sure an admin account exists and prints the credentials of a newly created one, once.
 *   npx tsx scripts/bootstrap-admin.ts
 */
import { ensureAdmin } from "../lib/accounts/ensure-admin";
import { closeDb } from "../lib/db";

try {
  const result = await ensureAdmin();
  if (result.created) {
    const banner = "=".repeat(64);
    console.log(`${banner}\nSlipway admin account created\n  email:    ${result.email}\n  password: ${result.password}`);
    if (result.generated) console.log("  (generated: shown only this once; change it after signing in)");
    console.log(banner);
  } else {
    console.log("bootstrap-admin: an admin account already exists");
  }
} finally {
  await closeDb();
}
