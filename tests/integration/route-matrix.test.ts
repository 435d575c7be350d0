import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testPassword } from "../support/domain-helpers";
import { guestSlot, newRequest, putBytes } from "../support/request-helpers";
import { ACTORS, type Actor, approvedFile, approvedImage, multipartSlot, newWorld, send, sentSlot, shareLink, waitingFile, type World } from "../support/attack-world";
import { errorCode } from "../support/route-call";
import { addressOf, exportedMethods, METHODS, type Method, routeFilesUnder } from "../support/route-tree";

// Who may do what, for every route handler on disk × every method it exports × five people: a
// route file (or an exported method) without a row here fails, and so does a row without one.
// Each cell is a real request, with a real session cookie, on a real row: the owner's upload, a
// share link, the owner's own account. Pages (page.tsx) check the same sessions and are not here.

// No sweeper here: it walks the whole bucket, which other test files share, and would clean up
// (and audit) their leftovers in the middle of this file's checks.
vi.hoisted(() => {
  process.env.SWEEP_INTERVAL_SECONDS = "0";
});

/** "302", or for an error its status and code: "404 not_found". */
type Answer = string;
type Cells = Record<Actor, Answer>;

const ANON = "401 unauthenticated";
const DISABLED = "403 account_disabled";
const FORBIDDEN = "403 forbidden";
const MISSING = "404 not_found";

/** A route for signed-in users acting on their own thing: everyone else is told it does not exist. */
const ownerOnly = (ok: Answer): Cells => ({ anonymous: ANON, owner: ok, other: MISSING, admin: MISSING, disabled: DISABLED });
/** A route for every signed-in user, on their own account. */
const signedIn = (ok: Answer): Cells => ({ anonymous: ANON, owner: ok, other: ok, admin: ok, disabled: DISABLED });
const adminOnly = (ok: Answer): Cells => ({ anonymous: ANON, owner: FORBIDDEN, other: FORBIDDEN, admin: ok, disabled: DISABLED });
const everyone = (ok: Answer): Cells => ({ anonymous: ok, owner: ok, other: ok, admin: ok, disabled: ok });

/** A guest's upload: the request's token and the upload's id in the address, its key in X-Upload-Key. */
interface GuestTarget {
  params: Record<string, string>;
  key: string;
}
type Target = string | GuestTarget;

async function guestTarget(world: World, size = 10, send = false): Promise<GuestTarget> {
  const { token } = await newRequest(world.ids.owner);
  const ticket = await guestSlot(token, { name: "guest.bin", type: "application/octet-stream", size });
  if (send) await putBytes(ticket);
  return { params: { token, id: ticket.upload.id }, key: ticket.uploadKey };
}

/** The real things a row acts on; made once, except for rows that use theirs up (`fresh`). */
const things = {
  approved: (world: World) => approvedFile(world),
  waiting: (world: World) => waitingFile(world.ids.owner),
  image: (world: World) => approvedImage(world),
  sent: (world: World) => sentSlot(world.ids.owner),
  multipart: (world: World) => multipartSlot(world.ids.owner),
  linkId: async (world: World) => (await shareLink(world, await approvedFile(world))).id,
  token: async (world: World) => (await shareLink(world, await approvedFile(world))).token,
  ownerId: async (world: World) => world.ids.owner,
  requestId: async (world: World) => (await newRequest(world.ids.owner)).id,
  requestToken: async (world: World) => (await newRequest(world.ids.owner)).token,
  protectedRequestToken: async (world: World) => (await newRequest(world.ids.owner, { password: testPassword })).token,
  guestOpen: (world: World) => guestTarget(world),
  guestSent: (world: World) => guestTarget(world, 10, true),
  guestMultipart: (world: World) => guestTarget(world, 64 * 1024 ** 2),
} satisfies Record<string, (world: World) => Promise<Target>>;

interface Row {
  route: string;
  method: Method;
  /** What goes into the route's dynamic segment. */
  on?: keyof typeof things;
  /** A thing of its own, for a row whose successful call changes it (deletes, decides, completes). */
  fresh?: boolean;
  /** For a catch-all: the segments sent. */
  segments?: string[];
  query?: string;
  /** The JSON body, given the id the row acts on. */
  body?: (id: string) => unknown;
  form?: Record<string, string>;
  cells: Cells;
}

const ROWS: Row[] = [
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({ route: "app/api/[...path]/route.ts", method, segments: ["no", "such"], cells: signedIn(MISSING) })),
  {
    route: "app/api/account/password/route.ts",
    method: "POST",
    body: () => ({ currentPassword: testPassword, newPassword: testPassword }),
    cells: signedIn("204"),
  },
  { route: "app/api/account/route.ts", method: "POST", body: () => ({ email: `${randomUUID()}@test.local`, password: testPassword, name: "New" }), cells: everyone("201") },
  { route: "app/api/admin/audit/route.ts", method: "GET", cells: adminOnly("200") },
  { route: "app/api/admin/stats/route.ts", method: "GET", cells: adminOnly("200") },
  { route: "app/api/admin/uploads/[id]/preview/route.ts", method: "GET", on: "image", cells: adminOnly("302") },
  { route: "app/api/admin/uploads/[id]/rescan/route.ts", method: "POST", on: "approved", fresh: true, cells: adminOnly("202") },
  { route: "app/api/admin/uploads/[id]/review/route.ts", method: "POST", on: "waiting", fresh: true, body: () => ({ decision: "approve" }), cells: adminOnly("200") },
  { route: "app/api/admin/uploads/[id]/route.ts", method: "GET", on: "waiting", cells: adminOnly("200") },
  { route: "app/api/admin/uploads/[id]/text/route.ts", method: "GET", on: "approved", cells: adminOnly("200") },
  { route: "app/api/admin/uploads/[id]/thumbnail/route.ts", method: "GET", on: "image", cells: adminOnly("302") },
  { route: "app/api/admin/uploads/rescan/route.ts", method: "POST", cells: adminOnly("202") },
  { route: "app/api/admin/uploads/review/route.ts", method: "POST", on: "waiting", fresh: true, body: (id) => ({ ids: [id], decision: "approve" }), cells: adminOnly("200") },
  { route: "app/api/admin/uploads/review/route.ts", method: "GET", cells: adminOnly(MISSING) },
  { route: "app/api/admin/uploads/route.ts", method: "GET", cells: adminOnly("200") },
  { route: "app/api/admin/users/[id]/password/route.ts", method: "POST", on: "ownerId", cells: adminOnly("200") },
  { route: "app/api/admin/users/[id]/route.ts", method: "GET", on: "ownerId", cells: adminOnly("200") },
  { route: "app/api/admin/users/[id]/route.ts", method: "PATCH", on: "ownerId", body: () => ({ quotaBytes: 50 * 1024 ** 3 }), cells: adminOnly("200") },
  { route: "app/api/admin/users/route.ts", method: "GET", cells: adminOnly("200") },
  // next-auth's own answers: the session it reads (empty without one), and a sign-out without its
  // CSRF token sent back to the sign-out page.
  { route: "app/api/auth/[...nextauth]/route.ts", method: "GET", segments: ["session"], cells: everyone("200") },
  { route: "app/api/auth/[...nextauth]/route.ts", method: "POST", segments: ["signout"], form: {}, cells: everyone("302") },
  { route: "app/api/health/route.ts", method: "GET", cells: everyone("200") },
  { route: "app/api/links/[id]/route.ts", method: "DELETE", on: "linkId", fresh: true, cells: ownerOnly("204") },
  { route: "app/api/uploads/[id]/complete/route.ts", method: "POST", on: "sent", fresh: true, cells: ownerOnly("200") },
  { route: "app/api/uploads/[id]/download/route.ts", method: "GET", on: "approved", cells: ownerOnly("302") },
  { route: "app/api/uploads/[id]/links/route.ts", method: "POST", on: "approved", body: () => ({ expiresInSeconds: 3600 }), cells: ownerOnly("201") },
  { route: "app/api/uploads/[id]/links/route.ts", method: "GET", on: "approved", cells: ownerOnly("200") },
  { route: "app/api/uploads/[id]/parts/route.ts", method: "POST", on: "multipart", body: () => ({ parts: [{ number: 1 }] }), cells: ownerOnly("200") },
  { route: "app/api/uploads/[id]/parts/route.ts", method: "GET", on: "multipart", cells: ownerOnly("200") },
  { route: "app/api/uploads/[id]/route.ts", method: "GET", on: "waiting", cells: ownerOnly("200") },
  { route: "app/api/uploads/[id]/route.ts", method: "DELETE", on: "waiting", fresh: true, cells: ownerOnly("204") },
  { route: "app/api/uploads/[id]/thumbnail/route.ts", method: "GET", on: "image", cells: ownerOnly("302") },
  { route: "app/api/uploads/route.ts", method: "GET", cells: signedIn("200") },
  { route: "app/api/uploads/route.ts", method: "POST", body: () => ({ name: "new.txt", type: "text/plain", size: 10 }), cells: signedIn("201") },
  { route: "app/api/requests/route.ts", method: "GET", cells: signedIn("200") },
  { route: "app/api/requests/route.ts", method: "POST", body: () => ({ label: "Papers", expiresInSeconds: 3600 }), cells: signedIn("201") },
  { route: "app/api/requests/[id]/route.ts", method: "DELETE", on: "requestId", fresh: true, cells: ownerOnly("204") },
  // An upload request link is a capability, as a share link is: the token (and for an upload, the
  // guest's key) decides, never a session. Who else a guest can be — another guest's key, another
  // request's token — is tests/integration/guest-uploads.test.ts.
  { route: "app/api/r/[token]/route.ts", method: "GET", on: "requestToken", cells: everyone("200") },
  { route: "app/api/r/[token]/password/route.ts", method: "POST", on: "protectedRequestToken", body: () => ({ password: testPassword }), cells: everyone("204") },
  { route: "app/api/r/[token]/uploads/route.ts", method: "POST", on: "requestToken", body: () => ({ name: "new.txt", type: "text/plain", size: 10 }), cells: everyone("201") },
  { route: "app/api/r/[token]/uploads/[id]/route.ts", method: "GET", on: "guestOpen", cells: everyone("200") },
  { route: "app/api/r/[token]/uploads/[id]/route.ts", method: "DELETE", on: "guestOpen", fresh: true, cells: everyone("204") },
  { route: "app/api/r/[token]/uploads/[id]/parts/route.ts", method: "POST", on: "guestMultipart", body: () => ({ parts: [{ number: 1 }] }), cells: everyone("200") },
  { route: "app/api/r/[token]/uploads/[id]/parts/route.ts", method: "GET", on: "guestMultipart", cells: everyone("200") },
  { route: "app/api/r/[token]/uploads/[id]/complete/route.ts", method: "POST", on: "guestSent", fresh: true, cells: everyone("200") },
  // A share link is a capability: whoever holds the token gets the same, signed in or not.
  { route: "app/s/[token]/download/route.ts", method: "GET", on: "token", cells: everyone("302") },
  { route: "app/s/[token]/download/route.ts", method: "HEAD", on: "token", cells: everyone("200") },
  { route: "app/s/[token]/download/route.ts", method: "POST", on: "token", form: {}, cells: everyone("302") },
  { route: "app/s/[token]/route.ts", method: "GET", on: "token", cells: everyone("200") },
];

const routeFiles = routeFilesUnder("app/**/route.ts");
const key = (route: string, method: string) => `${method} ${route}`;

let world: World;
const made = new Map<string, Promise<Target>>();
/** Each row's id or token, made before the first request (in parallel: processing takes a moment). */
const targets = new Map<Row, Target>();

/** The id or token a row acts on. */
function target(row: Row): Promise<Target> {
  if (!row.on) return Promise.resolve(randomUUID());
  if (row.fresh) return things[row.on](world);
  if (!made.has(row.on)) made.set(row.on, things[row.on](world));
  return made.get(row.on) as Promise<Target>;
}

function bodyOf(row: Row, id: string) {
  if (row.form) return { body: new URLSearchParams(row.form).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
  return row.body ? { body: JSON.stringify(row.body(id)), headers: { "content-type": "application/json" } } : {};
}

/** What `actor` gets: the status, and for an error its code (null when the answer is not our JSON). */
async function answer(row: Row, actor: Actor, on: Target): Promise<Answer> {
  const id = typeof on === "string" ? on : on.params.id;
  const { url, params } = addressOf(row.route, typeof on === "string" ? on : on.params);
  const segments = row.segments;
  const address = segments
    ? { url: url.replace(/\/[^/]+$/, `/${segments.join("/")}`), params: Object.fromEntries(Object.keys(params).map((name) => [name, segments])) }
    : { url, params };
  const request = bodyOf(row, id);
  const headers = { ...request.headers, ...(typeof on === "string" ? {} : { "x-upload-key": on.key }) };
  const response = await send(world, actor, row.route, { method: row.method, url: address.url + (row.query ?? ""), params: address.params, body: request.body, headers });
  if (response.status < 400) return String(response.status);
  return `${response.status} ${await errorCode(response)}`;
}

// Once, on PostgreSQL: nothing here depends on the database engine (sessions, ownership and
// validation run the same queries on both), and the PostgreSQL copy runs it in half the time of
// PGlite's in-process WASM. (Measured on a loaded 2-core machine: both files 26 s on PostgreSQL,
// 54 s on PGlite.)
describe.runIf(process.env.VITEST_PROJECT_DB === "postgres")("the authorization matrix", () => {
  beforeAll(async () => {
    world = await newWorld();
    await Promise.all(ROWS.map(async (row) => targets.set(row, await target(row))));
  });

  it("has exactly one row for every method of every route file on disk", async () => {
    const onDisk: string[] = [];
    for (const file of routeFiles) for (const [method] of await exportedMethods(file)) onDisk.push(key(file, method));
    expect(ROWS.map((row) => key(row.route, row.method)).sort()).toEqual(onDisk.sort());
  });

  it("answers every actor as its row says", async () => {
    const wrong: string[] = [];
    // The rescan of everything reprocesses the files the other rows use: it goes last.
    const ordered = [
      ...ROWS.filter((row) => row.route !== "app/api/admin/uploads/rescan/route.ts"),
      ...ROWS.filter((row) => row.route === "app/api/admin/uploads/rescan/route.ts"),
    ];
    for (const row of ordered) {
      const id = targets.get(row) as Target;
      // The one who succeeds goes last, so that a refused call finds the thing as it was.
      const actors = [...ACTORS].sort((a, b) => Number(row.cells[a] < "400") - Number(row.cells[b] < "400"));
      for (const actor of actors) {
        const got = await answer(row, actor, id);
        if (got !== row.cells[actor]) wrong.push(`${key(row.route, row.method)} as ${actor}: expected ${row.cells[actor]}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers 405 to every method a route file does not export, whoever asks", async () => {
    const wrong: string[] = [];
    for (const file of routeFiles) {
      const exported = (await exportedMethods(file)).map(([method]) => method);
      for (const method of METHODS.filter((m) => !exported.includes(m) && m !== "HEAD" && m !== "OPTIONS")) {
        const { url, params } = addressOf(file, randomUUID());
        for (const actor of ["anonymous", "owner"] as const) {
          const response = await send(world, actor, file, { method, url, params });
          if (response.status !== 405) wrong.push(`${key(file, method)} as ${actor}: ${response.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
