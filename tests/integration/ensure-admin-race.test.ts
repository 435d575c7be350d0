import { expect, it } from "vitest";
import { ensureAdmin } from "@/lib/accounts/ensure-admin";
import { db } from "@/lib/db";

// Instances started together on an empty database each run the admin bootstrap (scripts/serve.sh):
// all find no admin, one creates it, and the others must carry on instead of exiting on the
// unique e-mail (the second instance of tests/instances died of it).
it("creates one admin when several bootstraps race, and none of them fails", async () => {
  const results = await Promise.all([ensureAdmin(), ensureAdmin(), ensureAdmin()]);
  expect(results.filter((result) => result.created)).toHaveLength(1);
  expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  expect(await ensureAdmin()).toEqual({ created: false });
});
