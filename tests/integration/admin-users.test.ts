import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getUser, PATCH as patchUser } from "@/app/api/admin/users/[id]/route";
import { GET as getUsers } from "@/app/api/admin/users/route";
import { GET as sharePage } from "@/app/s/[token]/route";
import { createAccount } from "@/lib/accounts/create-account";
import { findAdminUser } from "@/lib/admin/users/find-admin-user";
import { listUsers } from "@/lib/admin/users/list-users";
import { updateUser } from "@/lib/admin/users/update-user";
import { requireUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createShareLink } from "@/lib/links/create-share-link";
import { redeemShareLink } from "@/lib/links/redeem-share-link";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { meta, newTrustedUser, newUser, rejection, testPassword } from "../support/domain-helpers";
import { must } from "../support/must";
import { callRoute, errorCode } from "../support/route-call";
import { sessionFor } from "../support/session-cookie";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

let admin: string;

async function finishedUpload(owner: string, size: number) {
  const ticket = await createUploadSlot(owner, { name: `f-${size}.bin`, type: "application/octet-stream", size }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(randomBytes(size)) })).status).toBe(200);
  await completeUpload(owner, ticket.upload.id, meta);
  return ticket.upload.id;
}

/** Every page of listUsers, `limit` at a time. */
async function allPages(q: string | undefined, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers({ q, cursor, limit });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

const auditOf = (action: string, target: string) => db.auditEvent.findMany({ where: { action, target }, orderBy: { createdAt: "asc" } });
const patch = (id: string, body: unknown) => callRoute(patchUser, "PATCH", `/api/admin/users/${id}`, { params: { id }, body });

beforeAll(async () => {
  admin = await newUser("Admin");
  await db.user.update({ where: { id: admin }, data: { role: "ADMIN" } });
});

beforeEach(async () => {
  session.current = await sessionFor(admin);
});

describe("listing users", () => {
  it("pages through every user exactly once, in e-mail order, with the default quota", async () => {
    for (let i = 0; i < 7; i++) await newUser(`Pager ${i}`);
    const expected = (await db.user.findMany({ orderBy: { email: "asc" }, select: { id: true } })).map((user) => user.id);
    expect(await allPages(undefined, 3)).toEqual(expected);
    expect(await allPages(undefined, 100)).toEqual(expected);

    const response = await callRoute(getUsers, "GET", "/api/admin/users?limit=2");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items.map((item: { id: string }) => item.id)).toEqual(expected.slice(0, 2));
    expect(body).toMatchObject({ nextCursor: expected[1], defaultQuotaBytes: env.DEFAULT_QUOTA_BYTES });
  });

  it("searches e-mail and name without regard to case, taking % and _ literally", async () => {
    const byName = await createAccount({ email: `${randomUUID()}@test.local`, password: testPassword, name: "Quentin Zanzibar" }, meta);
    const byEmail = await createAccount({ email: `zanzibar-${randomUUID()}@test.local`, password: testPassword, name: "Someone" }, meta);
    const matches = (await db.user.findMany({ where: { id: { in: [byName.id, byEmail.id] } }, orderBy: { email: "asc" } })).map((user) => user.id);
    expect(await allPages("ZANZIBAR", 1)).toEqual(matches);
    const viaRoute = await (await callRoute(getUsers, "GET", "/api/admin/users?q=%20zanzibar%20&cursor=")).json();
    expect(viaRoute.items.map((item: { id: string }) => item.id)).toEqual(matches);
    expect(await allPages("%", 25)).toEqual([]);
    expect(await allPages("_", 25)).toEqual([]);
  });

  it("refuses a cursor that is no user's id (422 invalid_cursor) and a bad limit (422)", async () => {
    for (const cursor of [randomUUID(), "not-an-id"]) expect((await rejection(listUsers({ cursor, limit: 5 }))).code).toBe("invalid_cursor");
    for (const query of ["limit=0", "limit=101", "limit=abc", `q=${"x".repeat(255)}`]) {
      const response = await callRoute(getUsers, "GET", `/api/admin/users?${query}`);
      expect([response.status, await errorCode(response)], query).toEqual([422, "validation_failed"]);
    }
  });

  it("reports usage from the stored files, after completion and after a delete", async () => {
    const owner = await newUser("Uploader");
    const first = await finishedUpload(owner, 3000);
    await finishedUpload(owner, 5000);
    await createUploadSlot(owner, { name: "unfinished.bin", type: "application/octet-stream", size: 700 }, meta);
    const stored = async () => {
      const sum = await db.upload.aggregate({ where: { ownerId: owner, status: "COMPLETE" }, _sum: { size: true }, _count: true });
      return { usedBytes: Number(sum._sum.size ?? 0), files: sum._count };
    };
    const listed = async () => must((await listUsers({ q: (await findAdminUser(owner)).email, limit: 5 })).items[0], "the uploader");

    expect(await stored()).toEqual({ usedBytes: 8000, files: 2 });
    expect(await listed()).toMatchObject(await stored());
    await deleteUpload(owner, first, meta);
    expect(await stored()).toEqual({ usedBytes: 5000, files: 1 });
    expect(await listed()).toMatchObject(await stored());
    expect(await findAdminUser(owner)).toEqual(await listed());
  });

  it("shows when the user last did something (their own audit events, not others' about them)", async () => {
    const quiet = await db.user.create({ data: { email: `${randomUUID()}@test.local`, name: "Quiet", passwordHash: "x", quotaBytes: 1n } });
    const listed = async () => must((await listUsers({ q: quiet.email, limit: 1 })).items[0], "the quiet user").lastActiveAt;
    expect(await listed()).toBeNull();
    expect((await findAdminUser(quiet.id)).lastActiveAt).toBeNull();

    await db.auditEvent.create({ data: { actorId: quiet.id, action: "upload.create", createdAt: new Date("2026-01-02T03:04:05.678Z") } });
    await db.auditEvent.create({ data: { actorId: quiet.id, action: "upload.create", createdAt: new Date("2026-01-01T00:00:00.000Z") } });
    await updateUser(admin, quiet.id, { trusted: true }, meta);
    expect(await listed()).toBe("2026-01-02T03:04:05.678Z");
    expect((await findAdminUser(quiet.id)).lastActiveAt).toBe("2026-01-02T03:04:05.678Z");
  });
});

describe("changing a user", () => {
  it("sets role, trust and quota, auditing only what changed with before and after", async () => {
    const user = await newUser("Target");
    const response = await patch(user, { role: "ADMIN", trusted: true, quotaBytes: 1234 });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ id: user, role: "ADMIN", trusted: true, quotaBytes: 1234, disabled: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: user } })).toMatchObject({ role: "ADMIN", trusted: true, quotaBytes: 1234n, disabledAt: null });

    expect((await patch(user, { role: "ADMIN", trusted: false })).status).toBe(200);
    const rows = await auditOf("admin.user_update", user);
    expect(rows.map(({ actorId, data, ip, userAgent }) => ({ actorId, data, ip, userAgent }))).toEqual([
      {
        actorId: admin,
        data: { before: { role: "USER", trusted: false, quotaBytes: env.DEFAULT_QUOTA_BYTES }, after: { role: "ADMIN", trusted: true, quotaBytes: 1234 } },
        ip: null,
        userAgent: null,
      },
      { actorId: admin, data: { before: { trusted: true }, after: { trusted: false } }, ip: null, userAgent: null },
    ]);

    expect((await callRoute(getUser, "GET", `/api/admin/users/${user}`, { params: { id: user } })).status).toBe(200);
    for (const id of [randomUUID(), "nope"]) expect((await patch(id, { trusted: true })).status).toBe(404);
  });

  it("refuses bad patches with 422 and changes nothing", async () => {
    const user = await newUser("Unchanged");
    const before = await db.user.findUniqueOrThrow({ where: { id: user } });
    for (const body of [
      {},
      { trusted: true, name: "x" },
      { quotaBytes: -1 },
      { quotaBytes: 5 * 1024 ** 4 + 1 },
      { quotaBytes: 1.5 },
      { role: "ROOT" },
      { disabled: "yes" },
      "null",
    ]) {
      const response = await patch(user, body);
      expect([response.status, await errorCode(response)], JSON.stringify(body)).toEqual([422, "validation_failed"]);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: user } })).toEqual(before);
    expect(await auditOf("admin.user_update", user)).toEqual([]);
  });

  it("does not let an admin disable or demote themself (409 cannot_modify_self)", async () => {
    for (const body of [{ disabled: true }, { role: "USER" }, { role: "USER", trusted: true }]) {
      const response = await patch(admin, body);
      expect([response.status, await errorCode(response)]).toEqual([409, "cannot_modify_self"]);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: admin } })).toMatchObject({ role: "ADMIN", disabledAt: null, trusted: false });
    expect((await patch(admin, { trusted: true })).status).toBe(200);
  });

  it("holds new uploads to a lowered quota (413 quota_exceeded with the numbers)", async () => {
    const user = await newUser("Quota");
    await finishedUpload(user, 4000);
    await updateUser(admin, user, { quotaBytes: 4500 }, meta);
    const refusal = await rejection(createUploadSlot(user, { name: "big.bin", type: "application/octet-stream", size: 501 }, meta));
    expect([refusal.status, refusal.code, refusal.details]).toEqual([413, "quota_exceeded", { fileBytes: 501, usedBytes: 4000, quotaBytes: 4500 }]);
    await expect(createUploadSlot(user, { name: "fits.bin", type: "application/octet-stream", size: 500 }, meta)).resolves.toHaveProperty("upload");
  });

  it("disabling refuses the user's requests and suspends their links; enabling brings both back", async () => {
    const user = await newTrustedUser("Sharer");
    const file = await finishedUpload(user, 1000);
    const token = new URL((await createShareLink(user, file, { expiresInSeconds: 3600 }, meta)).url).pathname.split("/").at(-1) ?? "";
    const page = () => callRoute(sharePage, "GET", `/s/${token}`, { params: { token }, headers: { accept: "text/html" } });
    session.current = await sessionFor(user);

    await updateUser(admin, user, { disabled: true }, meta);
    expect((await db.user.findUniqueOrThrow({ where: { id: user } })).disabledAt).toBeInstanceOf(Date);
    await expect(requireUser()).rejects.toMatchObject({ status: 403, code: "account_disabled" });
    expect((await rejection(redeemShareLink(token, undefined, meta))).code).toBe("link_suspended");
    expect((await page()).status).toBe(410);

    await updateUser(admin, user, { disabled: false }, meta);
    expect((await db.user.findUniqueOrThrow({ where: { id: user } })).disabledAt).toBeNull();
    expect((await requireUser()).id).toBe(user);
    expect((await fetch((await redeemShareLink(token, undefined, meta)).url)).status).toBe(200);
    expect((await page()).status).toBe(200);
    expect((await auditOf("admin.user_update", user)).map((row) => row.data)).toEqual([
      { before: { disabled: false }, after: { disabled: true } },
      { before: { disabled: true }, after: { disabled: false } },
    ]);
  });
});
