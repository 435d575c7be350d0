import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

// The admin bootstrap as scripts/serve.sh runs it, in its own process on this file's database:
// what it prints ends up in service logs, so a password the operator chose must never be in it.

/** Runs scripts/bootstrap-admin.ts with `settings`; its output. */
function bootstrap(settings: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("bash", ["scripts/tsx-server.sh", "scripts/bootstrap-admin.ts"], { env: { ...process.env, ...settings } }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stdout}${stderr}`)) : resolve(stdout + stderr),
    );
  });
}

/** Whether `password` signs the account in (read after the script closed the database). */
async function passwordWorks(email: string, password: string): Promise<boolean> {
  const [{ db }, { verifyPassword }] = await Promise.all([import("@/lib/db"), import("@/lib/password")]);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return user.role === "ADMIN" && (await verifyPassword(user.passwordHash, password));
}

// The script does the same on either database; one run keeps CI short (and the embedded
// database must be closed here while the script holds it, which only PGlite needs).
describe.skipIf(process.env.VITEST_PROJECT_DB === "postgres")("scripts/bootstrap-admin.ts", () => {
  it("never prints a password the operator supplied, which then signs the admin in", async () => {
    // (A generated password is printed and used to sign in by tests/smoke/up-command.test.ts.)
    const supplied = { email: `${randomUUID()}@admin.test`, password: `operator-${randomBytes(12).toString("hex")}` };
    const output = await bootstrap({ ADMIN_EMAIL: supplied.email, ADMIN_PASSWORD: supplied.password });
    expect(output).toContain(supplied.email);
    expect(output).toContain("password: the one in ADMIN_PASSWORD");
    expect(output).not.toContain(supplied.password);
    expect(await passwordWorks(supplied.email, supplied.password)).toBe(true);
  });
});
