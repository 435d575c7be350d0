import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as auditRoute } from "@/app/api/admin/audit/route";
import { GET as queueRoute } from "@/app/api/admin/uploads/route";
import { POST as bulkReviewRoute } from "@/app/api/admin/uploads/review/route";
import { GET as adminUploadRoute } from "@/app/api/admin/uploads/[id]/route";
import { POST as reviewRoute } from "@/app/api/admin/uploads/[id]/review/route";
import { GET as usersRoute } from "@/app/api/admin/users/route";
import { GET as adminUserRoute, PATCH as updateUserRoute } from "@/app/api/admin/users/[id]/route";
import { db } from "@/lib/db";
import { newUser } from "../support/domain-helpers";
import { finishedUpload, newAdmin } from "../support/review-helpers";
import { callRoute, errorCode } from "../support/route-call";
import { sessionFor } from "../support/session-cookie";

// Hostile input on every admin route: whatever arrives, the answer is a 4xx JSON error (or, for a
// search, an honest empty result) and nothing changes. A 5xx here is a bug an attacker can trigger.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

type Handler = Parameters<typeof callRoute>[0];

let admin: string;
let uma: string;
let file: string;

async function answer(handler: Handler, method: string, url: string, params: Record<string, string> = {}, body?: unknown, headers?: Record<string, string>) {
  const response = await callRoute(handler, method, url, { params, body, headers });
  return { status: response.status, code: await errorCode(response), response };
}

type Attempt = [string, () => Promise<{ status: number; code: string | null }>];

/**
 * The requests that did not answer as they must: a 4xx JSON error (`refused`), or for input that
 * could be read either way (a NUL in a search, a date at the edge of the calendar) anything but a
 * 5xx: an empty result or a 4xx both change nothing and say what happened.
 */
async function misanswered(requests: Attempt[], rule: "refused" | "no 5xx" = "refused") {
  const wrong: string[] = [];
  for (const [label, send] of requests) {
    const { status, code } = await send();
    const refused = status >= 400 && status < 500 && code !== null;
    if (rule === "refused" ? !refused : status >= 500) wrong.push(`${label} → ${status} ${code}`);
  }
  return wrong;
}

const NUL = "%00";
const YEAR_ZERO = "0000-01-01";
const YEAR_10000 = encodeURIComponent("9999-12-31T23:00:00-23:00");
const BEFORE_YEAR_ONE = encodeURIComponent("0001-01-01T00:00:00+01:00");

beforeAll(async () => {
  admin = await newAdmin("Ada");
  uma = await newUser("Uma");
  file = await finishedUpload(uma, "waiting.txt", "text/plain", randomBytes(64));
  session.current = await sessionFor(admin);
});

describe("query strings an attacker controls", () => {
  it("the review queue answers 422 for values it cannot mean, never 5xx", async () => {
    const queries = [
      "review=ALL",
      "limit=0",
      "limit=101",
      "limit=1e400",
      "limit=abc",
      "minSize=-1",
      "maxSize=1e400",
      "minSize=99999999999999999999",
      "minSize=1.5",
      "from=yesterday",
      "from=2026-13-01",
      "owner=not-a-uuid",
      `owner=${NUL}`,
      "cursor=not-a-uuid",
      `cursor=${randomUUID()}`,
      "type=image%2Fsvg%2Bxml%3Bx",
      `type=${NUL}`,
      `q=${"a".repeat(201)}`,
    ];
    const send = (query: string): Attempt => [query, () => answer(queueRoute, "GET", `/api/admin/uploads?review=all&${query}`)];
    expect(await misanswered(queries.map(send))).toEqual([]);
    const edges = [`from=${YEAR_ZERO}`, `from=${BEFORE_YEAR_ONE}`, `to=${YEAR_10000}`, `q=${NUL}`, `q=a${NUL}b`];
    expect(await misanswered(edges.map(send), "no 5xx")).toEqual([]);
  });

  it("the users list answers 4xx for values it cannot mean, never 5xx", async () => {
    const send = (query: string): Attempt => [query, () => answer(usersRoute, "GET", `/api/admin/users?${query}`)];
    expect(await misanswered(["cursor=nobody", "limit=0", "limit=1e9", `q=${"a".repeat(255)}`].map(send))).toEqual([]);
    expect(await misanswered([`q=${NUL}`, `cursor=${NUL}`, `cursor=a${NUL}`].map(send), "no 5xx")).toEqual([]);
  });

  it("the audit log answers 4xx for values it cannot mean, never 5xx", async () => {
    const send = (query: string): Attempt => [query, () => answer(auditRoute, "GET", `/api/admin/audit?${query}`)];
    expect(await misanswered(["cursor=nothing", "limit=1e400", "limit=-1", "limit=101", "format=xml", "from=2026-02-30"].map(send))).toEqual([]);
    const edges = [
      `actor=${NUL}`,
      `action=${NUL}`,
      `action=link.${NUL}.`,
      `target=${NUL}`,
      `cursor=${NUL}`,
      `from=${YEAR_ZERO}`,
      `to=${YEAR_10000}`,
      `to=${BEFORE_YEAR_ONE}`,
      `from=${YEAR_ZERO}&format=csv`,
      `target=${NUL}&format=ndjson`,
    ];
    expect(await misanswered(edges.map(send), "no 5xx")).toEqual([]);
  });

  it("takes quotes, backslashes, % and _ in searches and filters literally", async () => {
    const hostile = ["' OR '1'='1", "\\", "%", "_", "%' --", '"; DROP TABLE "User"; --', "\\%"];
    for (const text of hostile) {
      const value = encodeURIComponent(text);
      for (const url of [`/api/admin/uploads?review=all&q=${value}`, `/api/admin/users?q=${value}`]) {
        const { status, response } = await answer(url.includes("users") ? usersRoute : queueRoute, "GET", url);
        expect(status, url).toBe(200);
        expect((await response.json()).items, url).toEqual([]);
      }
      for (const filter of ["actor", "action", "target"]) {
        const url = `/api/admin/audit?${filter}=${value}`;
        const { status, response } = await answer(auditRoute, "GET", url);
        expect(status, url).toBe(200);
        expect((await response.json()).items, url).toEqual([]);
      }
    }
    // A prefix is a prefix of the action, never a pattern: "%." and "_." match no action.
    for (const prefix of ["%.", "_.", "\\."]) {
      const { response } = await answer(auditRoute, "GET", `/api/admin/audit?action=${encodeURIComponent(prefix)}`);
      expect((await response.json()).items, prefix).toEqual([]);
    }
    expect(await db.user.count()).toBeGreaterThan(1);
  });
});

describe("bodies an attacker controls", () => {
  it("PATCH on a user answers 4xx to every malformed change and changes nothing", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: uma } });
    const patch = (body: unknown, headers?: Record<string, string>) => () => answer(updateUserRoute, "PATCH", `/api/admin/users/${uma}`, { id: uma }, body, headers);
    const bodies: Attempt[] = [
      ["2^64", patch('{"quotaBytes": 18446744073709551616}')],
      ["2^63", patch('{"quotaBytes": 9223372036854775808}')],
      ["1e300", patch('{"quotaBytes": 1e300}')],
      ["-1", patch({ quotaBytes: -1 })],
      ["1.5", patch({ quotaBytes: 1.5 })],
      ["string", patch({ quotaBytes: "5" })],
      ["array", patch({ quotaBytes: [5] })],
      ["role array", patch({ role: ["ADMIN"] })],
      ["role lower", patch({ role: "admin" })],
      ["trusted string", patch({ trusted: "true" })],
      ["unknown field", patch({ email: "x@evil.example" })],
      ["empty object", patch({})],
      ["null", patch("null")],
      ["array body", patch("[]")],
      ["empty body", patch("")],
      ["not JSON", patch("{")],
      ["text/plain", patch('{"trusted": true}', { "content-type": "text/plain" })],
      ["form", patch("trusted=true", { "content-type": "application/x-www-form-urlencoded" })],
      ["too large", patch(JSON.stringify({ trusted: true, pad: "x".repeat(70_000) }))],
      ["malformed id", () => answer(updateUserRoute, "PATCH", "/api/admin/users/x", { id: "x" }, { trusted: true })],
      ["unknown id", () => answer(updateUserRoute, "PATCH", "/api/admin/users/u", { id: randomUUID() }, { trusted: true })],
    ];
    expect(await misanswered(bodies)).toEqual([]);
    expect(await db.user.findUniqueOrThrow({ where: { id: uma } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "admin.user_update" } })).toBe(0);
    const malformed = await answer(adminUserRoute, "GET", "/api/admin/users/%27", { id: "'" });
    expect([malformed.status, malformed.code]).toEqual([404, "not_found"]);
  });

  it("review and bulk review answer 4xx to every malformed decision and decide nothing", async () => {
    const review =
      (body: unknown, id = file, headers?: Record<string, string>) =>
      () =>
        answer(reviewRoute, "POST", `/api/admin/uploads/${id}/review`, { id }, body, headers);
    const bulk = (body: unknown) => () => answer(bulkReviewRoute, "POST", "/api/admin/uploads/review", {}, body);
    const ids = Array.from({ length: 101 }, () => randomUUID());
    const requests: Attempt[] = [
      ["decision case", review({ decision: "APPROVE" })],
      ["decision array", review({ decision: ["approve"] })],
      ["note array", review({ decision: "reject", note: ["why"] })],
      ["note too long", review({ decision: "reject", note: "x".repeat(1001) })],
      ["blank note", review({ decision: "reject", note: " \u0000\u200b\n " })],
      ["empty body", review("")],
      ["text/plain", review('{"decision":"approve"}', file, { "content-type": "text/plain" })],
      ["malformed id", review({ decision: "approve" }, "../x")],
      ["unknown id", review({ decision: "approve" }, randomUUID())],
      ["101 ids", bulk({ ids, decision: "approve" })],
      ["no ids", bulk({ ids: [], decision: "approve" })],
      ["ids string", bulk({ ids: file, decision: "approve" })],
      ["malformed ids", bulk({ ids: ["x"], decision: "approve" })],
      ["bulk no note", bulk({ ids: [file], decision: "reject" })],
    ];
    expect(await misanswered(requests)).toEqual([]);
    expect((await db.upload.findUniqueOrThrow({ where: { id: file } })).review).toBe("PENDING");
    expect(await db.auditEvent.count({ where: { action: { startsWith: "review." } } })).toBe(0);
  });

  it("bulk review of the same id twice decides it once and reports both", async () => {
    const other = await finishedUpload(uma, "twice.txt", "text/plain", randomBytes(64));
    const { status, response } = await answer(bulkReviewRoute, "POST", "/api/admin/uploads/review", {}, { ids: [other, other, randomUUID()], decision: "approve" });
    expect(status).toBe(200);
    const { results } = await response.json();
    expect(results.map(({ status }: { status: unknown }) => status)).toEqual(["ok", "ok", 404]);
    expect(await db.auditEvent.count({ where: { action: "review.approve", target: other } })).toBe(1);
    const shown = await answer(adminUploadRoute, "GET", `/api/admin/uploads/${other}`, { id: other });
    expect((await shown.response.json()).upload).toMatchObject({ review: "APPROVED", reviewer: { id: admin } });
  });
});
