import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as changePasswordRoute } from "@/app/api/account/password/route";
import { POST as bulkReviewRoute } from "@/app/api/admin/uploads/review/route";
import { POST as reviewRoute } from "@/app/api/admin/uploads/[id]/review/route";
import { GET as listUsersRoute } from "@/app/api/admin/users/route";
import { PATCH as updateUserRoute } from "@/app/api/admin/users/[id]/route";
import { POST as resetPasswordRoute } from "@/app/api/admin/users/[id]/password/route";
import { GET as listUploadsRoute } from "@/app/api/uploads/route";
import { GET as readUploadRoute } from "@/app/api/uploads/[id]/route";
import { GET as ownerDownloadRoute } from "@/app/api/uploads/[id]/download/route";
import { GET as listLinksRoute } from "@/app/api/uploads/[id]/links/route";
import { GET as sharePageRoute } from "@/app/s/[token]/route";
import { GET as shareDownloadRoute, HEAD as shareCheckRoute } from "@/app/s/[token]/download/route";
import { decideReview } from "@/lib/admin/uploads/decide-review";
import { authOptions } from "@/lib/auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createShareLink } from "@/lib/links/create-share-link";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { meta, newTrustedUser, newUser, testPassword } from "../support/domain-helpers";
import { finishedUpload, newAdmin } from "../support/review-helpers";
import { callRoute, errorCode, type RouteCall } from "../support/route-call";
import { cookieFrom, sessionOf, signedInCookie, tokenOf } from "../support/session-cookie";

// An attacker's view of sessions and accounts: every request carries a real session cookie,
// decoded the way next-auth does, so old cookies are replayed exactly as a browser would.
const jar = vi.hoisted(() => ({ read: async (): Promise<unknown> => null }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: () => jar.read() }));
const requestCookie = new AsyncLocalStorage<string | null>();
jar.read = () => sessionOf(requestCookie.getStore());

type Handler = Parameters<typeof callRoute>[0];
const appOrigin = new URL(env.APP_URL).origin;

/** A request as the holder of `cookie` (null: none) sends it; the answer's status and error code. */
async function as(cookie: string | null, handler: Handler, method: string, url: string, call: RouteCall = {}) {
  const headers = { ...(cookie ? { cookie } : {}), ...call.headers };
  const response = await requestCookie.run(cookie, () => callRoute(handler, method, url, { ...call, headers }));
  return { status: response.status, code: await errorCode(response), response };
}
const outcome = async (answer: Promise<{ status: number; code: string | null }>) => {
  const { status, code } = await answer;
  return [status, code];
};

const authorize = (email: string, password: string) =>
  (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, r: unknown) => Promise<unknown> } }).options.authorize(
    { email, password },
    { headers: {} },
  );
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
const tokenIn = (url: string) => new URL(url).pathname.replace(/^.*\//, "");
const patchUser = (cookie: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
  as(cookie, updateUserRoute, "PATCH", `/api/admin/users/${id}`, { params: { id }, body, headers });
const newPassword = "a new and long password";

let ann: string; // admin
let annCookie: string;

beforeAll(async () => {
  ann = await newAdmin("Ann");
  annCookie = await signedInCookie(ann);
});

describe("an ordinary user reaching admin data through their own routes", () => {
  it("cannot read another user's upload, its note or its links; the owner sees the note but never who reviewed", async () => {
    const [uma, mallory] = await Promise.all([newUser("Uma"), newUser("Mallory")]);
    const id = await finishedUpload(uma, "secret.txt", "text/plain", randomBytes(100));
    await decideReview(ann, id, { decision: "reject", note: "contains credentials" }, meta);
    const malloryCookie = await signedInCookie(mallory);

    for (const [handler, url] of [
      [readUploadRoute, `/api/uploads/${id}`],
      [ownerDownloadRoute, `/api/uploads/${id}/download`],
      [listLinksRoute, `/api/uploads/${id}/links`],
    ] as const) {
      expect(await outcome(as(malloryCookie, handler, "GET", url, { params: { id } })), url).toEqual([404, "not_found"]);
    }
    expect(await outcome(as(malloryCookie, listUploadsRoute, "GET", `/api/uploads?cursor=${id}`))).toEqual([422, "invalid_cursor"]);

    const own = await as(await signedInCookie(uma), readUploadRoute, "GET", `/api/uploads/${id}`, { params: { id } });
    const body = await own.response.text();
    expect(JSON.parse(body).upload).toMatchObject({ review: "REJECTED", reviewNote: "contains credentials" });
    expect(Object.keys(JSON.parse(body).upload)).not.toEqual(expect.arrayContaining(["reviewer"]));
    const admin = await userRow(ann);
    for (const secret of [admin.id, admin.email, "reviewerId", "quarantine", "ownerId"]) expect(body).not.toContain(secret);
  });
});

describe("cross-origin state changes", () => {
  it("are refused with 403 cross_origin on every admin change and the password change, changing nothing", async () => {
    const uma = await newUser("Uma");
    const file = await finishedUpload(uma, "waiting.bin", "application/octet-stream", randomBytes(100));
    const umaCookie = await signedInCookie(uma);
    const app = new URL(env.APP_URL);
    const foreign = ["https://evil.example", "null", `${app.protocol}//${app.hostname}:${Number(app.port || 80) + 1}`, `https://${app.host}`];
    for (const origin of foreign) {
      const headers = { origin };
      const attempts = [
        patchUser(annCookie, uma, { role: "ADMIN", trusted: true }, headers),
        as(annCookie, resetPasswordRoute, "POST", `/api/admin/users/${uma}/password`, { params: { id: uma }, headers }),
        as(annCookie, reviewRoute, "POST", `/api/admin/uploads/${file}/review`, { params: { id: file }, body: { decision: "approve" }, headers }),
        as(annCookie, bulkReviewRoute, "POST", "/api/admin/uploads/review", { body: { ids: [file], decision: "reject", note: "x" }, headers }),
        as(umaCookie, changePasswordRoute, "POST", "/api/account/password", { body: { currentPassword: testPassword, newPassword }, headers }),
      ];
      for (const attempt of attempts) expect(await outcome(attempt), origin).toEqual([403, "cross_origin"]);
    }
    expect(await userRow(uma)).toMatchObject({ role: "USER", trusted: false, sessionVersion: 0 });
    expect((await db.upload.findUniqueOrThrow({ where: { id: file } })).review).toBe("PENDING");
    expect(await db.auditEvent.count({ where: { target: { in: [uma, file] }, action: { not: { in: ["account.create", "upload.create", "upload.complete"] } } } })).toBe(0);
    // The same request from the app's own page goes through: the refusals above were about the origin.
    expect((await patchUser(annCookie, uma, { trusted: true }, { origin: appOrigin })).status).toBe(200);
  });
});

describe("a session cookie replayed", () => {
  it("after a password change: other sessions end, the renewed cookie carries the new version, an old cookie cannot change it again", async () => {
    const user = await newUser("Changer");
    const { email } = await userRow(user);
    const [mine, stolen] = [await signedInCookie(user), await signedInCookie(user)];
    const change = (cookie: string, currentPassword: string, next: string) =>
      as(cookie, changePasswordRoute, "POST", "/api/account/password", { body: { currentPassword, newPassword: next } });

    const changed = await change(mine, testPassword, newPassword);
    expect(changed.status).toBe(204);
    const renewed = cookieFrom(changed.response);
    expect(await tokenOf(renewed)).toMatchObject({ sub: user, sv: 1 });
    expect((await as(renewed, listUploadsRoute, "GET", "/api/uploads")).status).toBe(200);

    for (const old of [mine, stolen]) {
      expect(await outcome(as(old, listUploadsRoute, "GET", "/api/uploads"))).toEqual([401, "unauthenticated"]);
      // Neither the old password nor the new one lets an ended session take the account back.
      expect(await outcome(change(old, testPassword, "the thief's own password"))).toEqual([401, "unauthenticated"]);
      expect(await outcome(change(old, newPassword, "the thief's own password"))).toEqual([401, "unauthenticated"]);
    }
    expect((await userRow(user)).sessionVersion).toBe(1);
    expect(await authorize(email, newPassword)).toMatchObject({ id: user });
    expect(await authorize(email, "the thief's own password")).toBeNull();
  });

  it("after an admin reset the password: every session of that user ends, an admin's too", async () => {
    const bob = await newAdmin("Bob");
    const bobCookie = await signedInCookie(bob);
    expect((await as(bobCookie, listUsersRoute, "GET", "/api/admin/users")).status).toBe(200);
    expect((await as(annCookie, resetPasswordRoute, "POST", `/api/admin/users/${bob}/password`, { params: { id: bob } })).status).toBe(200);
    expect(await outcome(as(bobCookie, listUsersRoute, "GET", "/api/admin/users"))).toEqual([401, "unauthenticated"]);
    expect(await outcome(patchUser(bobCookie, ann, { role: "USER" }))).toEqual([401, "unauthenticated"]);
    expect((await as(await signedInCookie(bob), listUsersRoute, "GET", "/api/admin/users")).status).toBe(200);
  });

  it("after the account was disabled: 403 everywhere, the password stays, and its links answer 410 link_suspended", async () => {
    const user = await newTrustedUser("Sharer");
    const file = await finishedUpload(user, "shared.bin", "application/octet-stream", randomBytes(100));
    const token = tokenIn((await createShareLink(user, file, { expiresInSeconds: 3600 }, meta)).url);
    const cookie = await signedInCookie(user);
    const { passwordHash } = await userRow(user);
    expect((await patchUser(annCookie, user, { disabled: true })).status).toBe(200);

    expect(await outcome(as(cookie, listUploadsRoute, "GET", "/api/uploads"))).toEqual([403, "account_disabled"]);
    expect(await outcome(as(cookie, readUploadRoute, "GET", `/api/uploads/${file}`, { params: { id: file } }))).toEqual([403, "account_disabled"]);
    const change = as(cookie, changePasswordRoute, "POST", "/api/account/password", { body: { currentPassword: testPassword, newPassword } });
    expect(await outcome(change)).toEqual([403, "account_disabled"]);
    expect((await userRow(user)).passwordHash).toBe(passwordHash);

    const params = { token };
    const page = await as(null, sharePageRoute, "GET", `/s/${token}`, { params, headers: { accept: "text/html", "x-forwarded-for": "198.51.100.7" } });
    expect(page.status).toBe(410);
    expect(await page.response.text()).toContain("suspended");
    expect(await outcome(as(null, shareDownloadRoute, "GET", `/s/${token}/download`, { params, headers: { "x-forwarded-for": "198.51.100.7" } }))).toEqual([410, "link_suspended"]);
    expect((await as(null, shareCheckRoute, "HEAD", `/s/${token}/download`, { params, headers: { "x-forwarded-for": "198.51.100.7" } })).status).toBe(410);
    expect((await db.shareLink.findFirstOrThrow({ where: { uploadId: file } })).downloadCount).toBe(0);
  });

  it("after a demotion: an old admin cookie loses admin rights on its very next request", async () => {
    const bob = await newAdmin("Bob");
    const bobCookie = await signedInCookie(bob);
    expect((await patchUser(annCookie, bob, { role: "USER" })).status).toBe(200);
    expect(await outcome(patchUser(bobCookie, ann, { role: "USER" }))).toEqual([403, "forbidden"]);
    expect(await outcome(as(bobCookie, listUsersRoute, "GET", "/api/admin/users"))).toEqual([403, "forbidden"]);
    expect(await outcome(as(bobCookie, resetPasswordRoute, "POST", `/api/admin/users/${ann}/password`, { params: { id: ann } }))).toEqual([403, "forbidden"]);
    expect(await userRow(ann)).toMatchObject({ role: "ADMIN", sessionVersion: 0 });
    // Still a user: the demotion took admin rights, not the account.
    expect((await as(bobCookie, listUploadsRoute, "GET", "/api/uploads")).status).toBe(200);
  });

  it("after the account was deleted: 401 on every route", async () => {
    const gone = await newAdmin("Gone");
    const cookie = await signedInCookie(gone);
    await db.user.delete({ where: { id: gone } });
    expect(await outcome(as(cookie, listUploadsRoute, "GET", "/api/uploads"))).toEqual([401, "unauthenticated"]);
    expect(await outcome(as(cookie, listUsersRoute, "GET", "/api/admin/users"))).toEqual([401, "unauthenticated"]);
    const change = as(cookie, changePasswordRoute, "POST", "/api/account/password", { body: { currentPassword: testPassword, newPassword } });
    expect(await outcome(change)).toEqual([401, "unauthenticated"]);
  });
});

describe("an admin protecting the install", () => {
  it("cannot demote or disable themself, not even alongside another change (409 cannot_modify_self)", async () => {
    for (const body of [{ role: "USER" }, { disabled: true }, { role: "USER", trusted: true }, { disabled: true, quotaBytes: 1 }]) {
      expect(await outcome(patchUser(annCookie, ann, body)), JSON.stringify(body)).toEqual([409, "cannot_modify_self"]);
    }
    expect(await userRow(ann)).toMatchObject({ role: "ADMIN", disabledAt: null, trusted: false });
    expect(await db.auditEvent.count({ where: { action: "admin.user_update", target: ann } })).toBe(0);
  });

  it("a request an admin sent before being demoted does not take effect after the demotion", async () => {
    const [x, y] = await Promise.all([newAdmin("X"), newAdmin("Y")]);
    const yCookie = await signedInCookie(y);
    // Y's request is authorized, then its body is slow to arrive; meanwhile X demotes Y.
    let arrived = () => {};
    let release = () => {};
    const reading = new Promise<void>((resolve) => (arrived = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        arrived();
        await gate;
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ role: "USER" })));
        controller.close();
      },
    });
    const init = { method: "PATCH", headers: { cookie: yCookie, "content-type": "application/json" }, body, duplex: "half" };
    const request = new Request(new URL(`/api/admin/users/${x}`, appOrigin), init as RequestInit);
    const late = requestCookie.run(yCookie, () => updateUserRoute(request, { params: Promise.resolve({ id: x }) }));
    await reading;
    expect((await patchUser(annCookie, y, { role: "USER" })).status).toBe(200);
    release();
    const answer = await late;
    expect([answer.status, await errorCode(answer)], "Y was no longer an admin when the change was made").toEqual([403, "forbidden"]);
    expect((await userRow(x)).role).toBe("ADMIN");
  });

  it("two admins demoting or disabling each other at the same moment: one wins, the other is refused, nothing fails", async () => {
    for (const change of [{ role: "USER" }, { disabled: true }]) {
      for (let round = 0; round < 3; round++) {
        const [x, y] = await Promise.all([newAdmin("X"), newAdmin("Y")]);
        const [xCookie, yCookie] = await Promise.all([signedInCookie(x), signedInCookie(y)]);
        const answers = await Promise.all([patchUser(xCookie, y, change), patchUser(yCookie, x, change)]);
        const stillAdmins = (await db.user.findMany({ where: { id: { in: [x, y] }, role: "ADMIN", disabledAt: null } })).length;
        const codes = answers.map(({ status, code }) => `${status} ${code ?? ""}`.trim()).sort();
        const expected = { stillAdmins: 1, codes: ["200", `403 ${"role" in change ? "forbidden" : "account_disabled"}`] };
        expect({ stillAdmins, codes }, `${JSON.stringify(change)} round ${round}`).toEqual(expected);
      }
    }
  });
});

describe("quota", () => {
  it("holds under racing slot creations after an admin set it", async () => {
    const user = await newUser("Racer");
    expect((await patchUser(annCookie, user, { quotaBytes: 10_000 })).status).toBe(200);
    const attempts = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => createUploadSlot(user, { name: `r${i}.bin`, type: "application/octet-stream", size: 1000 }, meta)),
    );
    expect(attempts.filter(({ status }) => status === "fulfilled")).toHaveLength(10);
    const open = await db.upload.aggregate({ _sum: { size: true }, where: { ownerId: user } });
    expect(Number(open._sum.size)).toBe(10_000);
  });
});
