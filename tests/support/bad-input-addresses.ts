import { type BadCase, FORM_TYPE, JSON_TYPE, KIB, NOBODY, type Thing } from "./bad-input-case";
import { testPassword } from "./domain-helpers";
import { FORGED_COOKIES } from "./forged-cookies";

// What an attacker puts in the address and the headers: hostile and other people's ids, queries,
// share tokens that are forged, expired, revoked or used up, forged session cookies, and
// next-auth's own routes.

const json = (value: unknown) => ({ body: JSON.stringify(value), headers: JSON_TYPE });
const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), headers: FORM_TYPE });

export const HOSTILE_IDS: [string, string][] = [
  ["not a uuid", "not-a-uuid"],
  ["a path", "../../etc/passwd"],
  ["a NUL", "\u0000"],
  ["SQL", "' OR '1'='1"],
  ["10 KB long", "1".repeat(10 * KIB)],
  ["a uuid behind an RTL override", `\u202e${NOBODY}`],
  ["a uuid no row has", NOBODY],
];

/** Routes that take an id, with who calls them, a valid body, and whose thing they may not touch. */
const ID_ROUTES: { route: string; method: string; actor: "owner" | "admin"; body?: unknown; notTheirs?: Thing }[] = [
  { route: "app/api/uploads/[id]/route.ts", method: "GET", actor: "owner", notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/route.ts", method: "DELETE", actor: "owner", notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/complete/route.ts", method: "POST", actor: "owner", notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/download/route.ts", method: "GET", actor: "owner", notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/links/route.ts", method: "GET", actor: "owner", notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/links/route.ts", method: "POST", actor: "owner", body: { expiresInSeconds: 3600 }, notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/parts/route.ts", method: "GET", actor: "owner", notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/parts/route.ts", method: "POST", actor: "owner", body: { parts: [{ number: 1 }] }, notTheirs: "othersFile" },
  { route: "app/api/uploads/[id]/thumbnail/route.ts", method: "GET", actor: "owner", notTheirs: "othersFile" },
  { route: "app/api/links/[id]/route.ts", method: "DELETE", actor: "owner", notTheirs: "othersLink" },
  { route: "app/api/admin/uploads/[id]/route.ts", method: "GET", actor: "admin" },
  { route: "app/api/admin/uploads/[id]/preview/route.ts", method: "GET", actor: "admin" },
  { route: "app/api/admin/uploads/[id]/rescan/route.ts", method: "POST", actor: "admin" },
  { route: "app/api/admin/uploads/[id]/review/route.ts", method: "POST", actor: "admin", body: { decision: "approve" } },
  { route: "app/api/admin/uploads/[id]/text/route.ts", method: "GET", actor: "admin" },
  { route: "app/api/admin/uploads/[id]/thumbnail/route.ts", method: "GET", actor: "admin" },
  { route: "app/api/admin/users/[id]/route.ts", method: "GET", actor: "admin" },
  { route: "app/api/admin/users/[id]/route.ts", method: "PATCH", actor: "admin", body: { trusted: true } },
  { route: "app/api/admin/users/[id]/password/route.ts", method: "POST", actor: "admin" },
];

export function idCases(): BadCase[] {
  return ID_ROUTES.flatMap(({ route, method, actor, body, notTheirs }) => {
    const request = { route, method, actor, ...(body ? json(body) : {}) };
    return [
      ...HOSTILE_IDS.map(([what, id]): BadCase => ({ ...request, label: `${method} ${route} with an id that is ${what}`, on: `raw:${id}` })),
      ...(notTheirs ? [{ ...request, label: `${method} ${route} on another user's ${notTheirs === "othersLink" ? "link" : "upload"}`, on: notTheirs }] : []),
    ];
  });
}

const QUERIES: [string, string, "owner" | "admin", string][] = [
  ["app/api/uploads/route.ts", "uploads", "owner", "limit=0"],
  ["app/api/uploads/route.ts", "uploads", "owner", "limit=101"],
  ["app/api/uploads/route.ts", "uploads", "owner", "limit=-1"],
  ["app/api/uploads/route.ts", "uploads", "owner", "limit=abc"],
  ["app/api/uploads/route.ts", "uploads", "owner", "limit=1e400"],
  ["app/api/uploads/route.ts", "uploads", "owner", "limit=1.5"],
  ["app/api/uploads/route.ts", "uploads", "owner", "limit=%00"],
  ["app/api/uploads/route.ts", "uploads", "owner", "cursor=not-a-uuid"],
  ["app/api/uploads/route.ts", "uploads", "owner", `cursor=${NOBODY}`],
  ["app/api/uploads/route.ts", "uploads", "owner", "cursor=@othersFile@"],
  ["app/api/uploads/route.ts", "uploads", "owner", "cursor=%00"],
  ["app/api/admin/users/route.ts", "admin/users", "admin", "limit=0"],
  ["app/api/admin/users/route.ts", "admin/users", "admin", "q=%00"],
  ["app/api/admin/users/route.ts", "admin/users", "admin", `q=${"q".repeat(255)}`],
  ["app/api/admin/users/route.ts", "admin/users", "admin", "cursor=%00"],
  ["app/api/admin/audit/route.ts", "admin/audit", "admin", "from=yesterday"],
  ["app/api/admin/audit/route.ts", "admin/audit", "admin", "format=xml"],
  ["app/api/admin/audit/route.ts", "admin/audit", "admin", "limit=1e400"],
  ["app/api/admin/audit/route.ts", "admin/audit", "admin", "actor=%00"],
  ["app/api/admin/uploads/route.ts", "admin/uploads", "admin", "review=ALL"],
  ["app/api/admin/uploads/route.ts", "admin/uploads", "admin", "owner=x"],
  ["app/api/admin/uploads/route.ts", "admin/uploads", "admin", "minSize=-1"],
  ["app/api/admin/uploads/route.ts", "admin/uploads", "admin", `cursor=${NOBODY}`],
];

export function queryCases(): BadCase[] {
  return QUERIES.map(([route, path, actor, query]) => ({ label: `GET /api/${path}?${query.slice(0, 40)}`, route, method: "GET", actor, query }));
}

const BAD_TOKENS: [string, BadCase["on"], boolean][] = [
  ["a forged token", `raw:${"A".repeat(43)}`, false],
  ["a token one character short", `raw:${"A".repeat(42)}`, false],
  ["a token one character long", `raw:${"A".repeat(44)}`, false],
  ["a path", "raw:../../etc/passwd", false],
  ["a NUL", "raw:\u0000", false],
  ["10 KB", `raw:${"t".repeat(10 * KIB)}`, false],
  ["an expired link's token", "expiredToken", true],
  ["a revoked link's token", "revokedToken", true],
  ["a used-up link's token", "usedUpToken", true],
];
const SHARE_PAGE = "app/s/[token]/route.ts";
const SHARE_DOWNLOAD = "app/s/[token]/download/route.ts";

export function tokenCases(): BadCase[] {
  const cases: BadCase[] = [];
  for (const [what, on, known] of BAD_TOKENS) {
    // Redeeming a known link is audited with its outcome, also when it is refused.
    cases.push({ label: `share download (GET) with ${what}`, route: SHARE_DOWNLOAD, method: "GET", actor: "anonymous", on, audited: known });
    cases.push({ label: `share download (POST) with ${what}`, route: SHARE_DOWNLOAD, method: "POST", actor: "anonymous", on, audited: known, ...form({}) });
    cases.push({ label: `share link check (HEAD) with ${what}`, route: SHARE_DOWNLOAD, method: "HEAD", actor: "anonymous", on });
    cases.push({ label: `share page with ${what}`, route: SHARE_PAGE, method: "GET", actor: "anonymous", on, page: true });
  }
  const protectedLink = { route: SHARE_DOWNLOAD, method: "POST", actor: "anonymous" as const, on: "protectedToken" as const };
  cases.push({ ...protectedLink, label: "protected link with a wrong password", audited: true, ...form({ password: "not it" }) });
  cases.push({ ...protectedLink, label: "protected link with an empty password", audited: true, ...form({ password: "" }) });
  cases.push({ ...protectedLink, label: "protected link without a password", audited: true, ...form({}) });
  cases.push({
    ...protectedLink,
    label: "protected link, wrong password, from a browser",
    audited: true,
    page: true,
    ...form({ password: "not it" }),
    headers: { ...FORM_TYPE, accept: "text/html" },
  });
  cases.push({ ...protectedLink, method: "GET", label: "protected link downloaded without its form", audited: true });
  cases.push({ ...protectedLink, label: "protected link, password as JSON", body: JSON.stringify({ password: testPassword }), headers: JSON_TYPE });
  cases.push({ ...protectedLink, label: "protected link, form as text/plain", body: `password=${testPassword}`, headers: { "content-type": "text/plain" } });
  cases.push({ ...protectedLink, label: "protected link, form over 4 KiB", ...form({ password: "p".repeat(5000) }) });
  cases.push({ ...protectedLink, label: "protected link, form in invalid UTF-8", body: new Uint8Array([0x70, 0x3d, 0xff, 0xfe]), headers: FORM_TYPE });
  return cases;
}

/** Requests that would change something, each with a session cookie that must count for nothing. */
const GUARDED: Omit<BadCase, "label" | "actor">[] = [
  { route: "app/api/uploads/route.ts", method: "POST", ...json({ name: "a.txt", type: "text/plain", size: 10 }) },
  { route: "app/api/uploads/[id]/route.ts", method: "DELETE", on: "approved" },
  { route: "app/api/uploads/[id]/links/route.ts", method: "POST", on: "approved", ...json({ expiresInSeconds: 3600 }) },
  { route: "app/api/account/password/route.ts", method: "POST", ...json({ currentPassword: testPassword, newPassword: "a brand new password" }) },
  { route: "app/api/admin/users/[id]/route.ts", method: "PATCH", on: "ownerId", ...json({ role: "ADMIN" }) },
  { route: "app/api/requests/route.ts", method: "POST", ...json({ label: "Papers", expiresInSeconds: 3600 }) },
  { route: "app/api/requests/[id]/route.ts", method: "DELETE", on: "requestId" },
];

export function cookieCases(): BadCase[] {
  return Object.keys(FORGED_COOKIES).flatMap((forged) =>
    GUARDED.map((request) => ({
      ...request,
      label: `${request.method} ${request.route} with a session cookie ${forged}`,
      actor: request.route.includes("/admin/") ? ("admin" as const) : ("owner" as const),
      forged,
    })),
  );
}

const AUTH = "app/api/auth/[...nextauth]/route.ts";
const HOSTILE_EMAILS = ["", "mallory", "m\u0000@test.local", `${"m".repeat(300)}@test.local`, "\u202eroot@test.local", "' OR 1=1 --@x.y"];

/** next-auth's own routes; the sign-in cases carry a real CSRF token (`csrf`), so they reach the app's authorize. */
export function authCases(): (BadCase & { csrf?: boolean })[] {
  const credentials = (fields: Record<string, string>) => ({
    route: AUTH,
    method: "POST",
    actor: "anonymous" as const,
    segments: ["callback", "credentials"],
    nextAuth: true,
    csrf: true,
    ...form({ ...fields, json: "true" }),
  });
  return [
    ...HOSTILE_EMAILS.map((email) => ({ ...credentials({ email, password: testPassword }), label: `sign-in with the e-mail ${JSON.stringify(email.slice(0, 30))}` })),
    { ...credentials({ email: "a@test.local", password: "p".repeat(10 * KIB) }), label: "sign-in with a 10 KB password" },
    { ...credentials({ email: "a@test.local" }), label: "sign-in without a password" },
    { ...credentials({ email: "a@test.local", password: testPassword }), csrf: false, label: "sign-in without the CSRF token" },
    { ...credentials({ email: "a@test.local", password: testPassword, csrfToken: "forged" }), csrf: false, label: "sign-in with a forged CSRF token" },
    { route: AUTH, method: "POST", actor: "anonymous", segments: ["callback", "credentials"], nextAuth: true, label: "sign-in with invalid JSON", body: "{", headers: JSON_TYPE },
    {
      route: AUTH,
      method: "POST",
      actor: "anonymous",
      segments: ["callback", "credentials"],
      nextAuth: true,
      label: "sign-in in invalid UTF-8",
      body: new Uint8Array([0x65, 0x3d, 0xff]),
      headers: FORM_TYPE,
    },
    { route: AUTH, method: "POST", actor: "owner", segments: ["signout"], nextAuth: true, label: "sign-out without the CSRF token", ...form({}) },
    { route: AUTH, method: "GET", actor: "anonymous", segments: ["no-such-action"], nextAuth: true, label: "an action next-auth does not have" },
    { route: AUTH, method: "GET", actor: "anonymous", segments: ["callback", "evil"], nextAuth: true, label: "a provider that does not exist" },
    ...Object.keys(FORGED_COOKIES).map((forged) => ({
      route: AUTH,
      method: "GET",
      actor: "owner" as const,
      segments: ["session"],
      nextAuth: true,
      forged,
      label: `the session read with a cookie ${forged}`,
    })),
    {
      // Not an address: before the cap, authorize refuses it without a look-up (so without an audit row).
      ...credentials({ email: "not-an-address", password: testPassword, pad: "p".repeat(17 * KIB) }),
      label: "sign-in with a 17 KiB body (413)",
      afterMerge: "h/security: the 16 KiB cap on auth routes",
    },
  ];
}
