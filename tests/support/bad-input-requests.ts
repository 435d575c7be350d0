import { db } from "@/lib/db";
import { revokeUploadRequest } from "@/lib/requests/revoke-upload-request";
import { HOSTILE_IDS } from "./bad-input-addresses";
import { ABSURD_INTEGERS, beyondSafe, EMPTY_TEXT, NO_FILE_NAME, TOO_LONG, UNREADABLE_BODIES, WRONG_TYPES } from "./bad-input-bodies";
import { type BadCase, JSON_TYPE, KIB, NOBODY, type Thing } from "./bad-input-case";
import { meta, testPassword } from "./domain-helpers";
import { processed } from "./processing-helpers";
import { guestSlot, newRequest, putBytes } from "./request-helpers";
import { finishUpload } from "@/lib/uploads/complete-upload";
import { findGuestUpload } from "@/lib/requests/find-guest-upload";

// Upload requests in the bad-input corpus: the owner's JSON routes, and every guest route with
// hostile bodies, tokens, upload ids and upload keys, on requests that are protected, limited,
// full, expired and revoked.

const json = (value: unknown) => ({ body: JSON.stringify(value), headers: JSON_TYPE });
const text = (body: string) => ({ body, headers: JSON_TYPE });

const MiB = 1024 ** 2;
const FEW_INTEGERS = ABSURD_INTEGERS.filter(([what]) => ["negative", "a float", "a string"].includes(what));

/** The requests and guest uploads the cases aim at, made before the corpus takes its first snapshot. */
export async function makeRequestThings(owner: string, other: string): Promise<Partial<Record<Thing, string>>> {
  const [plain, othersRequest, protectedRequest, asking, limited, full, expired, revoked, guests] = await Promise.all([
    newRequest(owner),
    newRequest(other),
    newRequest(owner, { password: testPassword }),
    newRequest(owner, { askName: true, askEmail: true }),
    newRequest(owner, { allowedTypes: ["image/*"], maxFileBytes: 1000, maxTotalBytes: 1500 }),
    newRequest(owner, { maxFiles: 1 }),
    newRequest(owner),
    newRequest(owner),
    newRequest(owner),
  ]);
  await Promise.all([guestSlot(limited.token, { type: "image/png", size: 1000 }), guestSlot(full.token), guestSlot(revoked.token)]);
  await db.uploadRequest.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 3600_000) } });
  await revokeUploadRequest(owner, revoked.id, meta);
  const big = { name: "big.bin", type: "application/octet-stream", size: 64 * MiB };
  const [multipart, single, done, another] = await Promise.all([guestSlot(guests.token, big), guestSlot(guests.token), guestSlot(guests.token), guestSlot(guests.token, big)]);
  await putBytes(done);
  await finishUpload(await findGuestUpload(guests.token, done.upload.id, done.uploadKey), null, meta);
  await processed(done.upload.id); // so that nothing changes behind the corpus's back
  return {
    requestId: plain.id,
    othersRequest: othersRequest.id,
    requestToken: plain.token,
    protectedRequestToken: protectedRequest.token,
    askingRequestToken: asking.token,
    limitedRequestToken: limited.token,
    fullRequestToken: full.token,
    expiredRequestToken: expired.token,
    revokedRequestToken: revoked.token,
    guestToken: guests.token,
    guestMultipart: multipart.upload.id,
    guestKey: multipart.uploadKey,
    guestSingle: single.upload.id,
    guestSingleKey: single.uploadKey,
    guestDone: done.upload.id,
    guestDoneKey: done.uploadKey,
    otherGuestKey: another.uploadKey,
  };
}

const CREATE_REQUEST = { route: "app/api/requests/route.ts", method: "POST", actor: "owner" as const };
const newRequestBody = { label: "Papers", expiresInSeconds: 3600 };
const GUEST_UPLOAD = { route: "app/api/r/[token]/uploads/route.ts", method: "POST", actor: "anonymous" as const, on: "requestToken" as const };
const newFile = { name: "report.pdf", type: "application/pdf", size: 1000 };
const GUEST_PARTS = {
  route: "app/api/r/[token]/uploads/[id]/parts/route.ts",
  method: "POST",
  actor: "anonymous" as const,
  token: "guestToken",
  on: "guestMultipart",
  key: "guestKey",
} as const;
const PASSWORD = { route: "app/api/r/[token]/password/route.ts", method: "POST", actor: "anonymous" as const, on: "protectedRequestToken" as const };

/** The new JSON routes, each with a valid body (that the unreadable bodies replace). */
const JSON_ROUTES: Omit<BadCase, "label">[] = [CREATE_REQUEST, GUEST_UPLOAD, GUEST_PARTS, PASSWORD];

function fieldCases(): BadCase[] {
  const cases: BadCase[] = [];
  const add = (route: Omit<BadCase, "label">, label: string, body: unknown) => cases.push({ ...route, label, ...json(body) });
  const each = (route: Omit<BadCase, "label">, what: string, base: object, field: string, values: [string, unknown][]) => {
    for (const [how, value] of values) add(route, `${what} with ${field} ${how}`, { ...base, [field]: value });
  };

  const request = (field: string, values: [string, unknown][]) => each(CREATE_REQUEST, "new request", newRequestBody, field, values);
  request("label", [...EMPTY_TEXT, ...TOO_LONG(100), ...WRONG_TYPES]);
  request("message", [...TOO_LONG(2000).slice(0, 1), ...WRONG_TYPES.slice(0, 2)]);
  request("expiresInSeconds", [...ABSURD_INTEGERS, ["59", 59], ["30 days and a second", 30 * 24 * 3600 + 1]]);
  request("maxFiles", [...ABSURD_INTEGERS, ["100,001", 100_001]]);
  request("maxFileBytes", ABSURD_INTEGERS);
  // The same schema as maxFileBytes (lib/validations/request.ts): a few are enough.
  request("maxTotalBytes", FEW_INTEGERS);
  request("allowedTypes", [
    ["a string", "image/*"],
    ["21 types", Array.from({ length: 21 }, (_, i) => `image/t${i}`)],
    ["no slash", ["pdf"]],
    ["a star", ["*"]],
    ["an empty subtype", ["image/"]],
    ["parameters", ["text/html; charset=utf-8"]],
    ["a null", [null]],
    ["an empty entry", [""]],
    ["a NUL", ["image/png\u0000"]],
  ]);
  request("password", [["empty", ""], ["7 characters", "x".repeat(7)], ["1025 characters", "p".repeat(1025)], ...WRONG_TYPES.slice(0, 2)]);
  request("askName", [
    ["'yes'", "yes"],
    ["null", null],
  ]);
  request("ownerId (extra field)", [["another user's", NOBODY]]);
  request("tokenHash (extra field)", [["chosen", "0".repeat(64)]]);
  add(CREATE_REQUEST, "new request without an expiry", { label: "Papers" });
  add(CREATE_REQUEST, "new request with a largest file over its total", { ...newRequestBody, maxFileBytes: 2000, maxTotalBytes: 1000 });
  cases.push({ ...CREATE_REQUEST, label: "new request living 2^53+1 seconds", ...beyondSafe('{"label":"x","expiresInSeconds":"@BIG@"}') });
  cases.push({ ...CREATE_REQUEST, label: "new request with a __proto__ holding an owner", ...text(`{"__proto__":{"ownerId":"${NOBODY}"},"label":"x","expiresInSeconds":3600}`) });

  // The file's fields go through the owner's own checks (createUploadSchema, openUploadSlot), which
  // the corpus covers in full on POST /api/uploads: a sample shows that the guest route uses them.
  const guest = (field: string, values: [string, unknown][]) => each(GUEST_UPLOAD, "guest upload", newFile, field, values);
  guest("name", [...NO_FILE_NAME.slice(6), ...TOO_LONG(4096).slice(0, 1), ...WRONG_TYPES.slice(0, 2)]);
  guest("type", [["with a NUL", "text/plain\u0000"], ...WRONG_TYPES.slice(0, 1)]);
  guest("size", [...FEW_INTEGERS, ["over the owner's quota", 1e15], ["over 5 TiB", 6 * KIB ** 4]]);
  guest("md5", [["short", "abc"]]);
  guest("guestName", [...TOO_LONG(100), ...WRONG_TYPES.slice(0, 2)]);
  guest("guestEmail", [["not an address", "mallory"], ["300 characters long", `${"m".repeat(290)}@test.local`], ...WRONG_TYPES.slice(0, 2)]);
  guest("password", [["1025 characters", "p".repeat(1025)], ...WRONG_TYPES.slice(0, 2)]);
  for (const field of ["requestId", "ownerId", "guestKeyHash", "status"]) guest(`${field} (extra field)`, [["set", field === "status" ? "COMPLETE" : NOBODY]]);
  add(GUEST_UPLOAD, "guest multipart upload with an md5", { ...newFile, size: 64 * MiB, md5: "1B2M2Y8AsgTpgAmY7PhCfg==" });
  const on = (thing: Thing, label: string, body: object) => add({ ...GUEST_UPLOAD, on: thing }, label, { ...newFile, ...body });
  on("protectedRequestToken", "guest upload without the request's password", {});
  on("protectedRequestToken", "guest upload with a wrong password", { password: "not the password" });
  on("protectedRequestToken", "guest upload with an empty password", { password: "" });
  on("askingRequestToken", "guest upload without the asked name", { guestEmail: "gus@example.org" });
  on("askingRequestToken", "guest upload without the asked e-mail", { guestName: "Gus" });
  on("askingRequestToken", "guest upload with a blank name", { guestName: "\u200b ", guestEmail: "gus@example.org" });
  on("limitedRequestToken", "guest upload of a type the request does not take", { type: "application/pdf", size: 10 });
  on("limitedRequestToken", "guest upload larger than the request's largest file", { type: "image/png", size: 1001 });
  on("limitedRequestToken", "guest upload over the request's total", { type: "image/png", size: 501 });
  on("fullRequestToken", "guest upload on a full request", { size: 10 });

  const parts = (label: string, body: unknown, at: Partial<BadCase> = {}) => add({ ...GUEST_PARTS, ...at }, `guest parts: ${label}`, body);
  for (const [what, value] of [...FEW_INTEGERS, ["10001", 10001], ["beyond the plan", 5]]) parts(`number ${what}`, { parts: [{ number: value }] });
  parts("none", { parts: [] });
  parts("101", { parts: Array.from({ length: 101 }, (_, i) => ({ number: i + 1 })) });
  parts("a part twice", { parts: [{ number: 1 }, { number: 1 }] });
  parts("a size (extra field)", { parts: [{ number: 1, size: 1 }] });
  parts("for a single PUT", { parts: [{ number: 1 }] }, { on: "guestSingle", key: "guestSingleKey" });
  parts("for a delivered file", { parts: [{ number: 1 }] }, { on: "guestDone", key: "guestDoneKey" });

  for (const [what, value] of [["wrong", "not it"], ["empty", ""], ["1025 characters", "p".repeat(1025)], ...WRONG_TYPES.slice(0, 2)] as [string, unknown][])
    add(PASSWORD, `request password that is ${what}`, { password: value });
  add(PASSWORD, "request password missing", {});
  add(PASSWORD, "request password with an extra field", { password: testPassword, remember: true });
  return cases;
}

const GUEST_ROUTES: { route: string; method: string; body?: unknown; upload?: boolean }[] = [
  { route: "app/api/r/[token]/route.ts", method: "GET" },
  { route: "app/api/r/[token]/password/route.ts", method: "POST", body: { password: testPassword } },
  { route: "app/api/r/[token]/uploads/route.ts", method: "POST", body: newFile },
  { route: "app/api/r/[token]/uploads/[id]/route.ts", method: "GET", upload: true },
  { route: "app/api/r/[token]/uploads/[id]/route.ts", method: "DELETE", upload: true },
  { route: "app/api/r/[token]/uploads/[id]/parts/route.ts", method: "GET", upload: true },
  { route: "app/api/r/[token]/uploads/[id]/parts/route.ts", method: "POST", body: { parts: [{ number: 1 }] }, upload: true },
  { route: "app/api/r/[token]/uploads/[id]/complete/route.ts", method: "POST", upload: true },
];

const BAD_TOKENS: [string, BadCase["on"]][] = [
  ["a forged token", `raw:${"A".repeat(43)}`],
  ["a path", "raw:../../etc/passwd"],
  ["10 KB", `raw:${"t".repeat(10 * KIB)}`],
  ["an expired request's token", "expiredRequestToken"],
  ["a revoked request's token", "revokedRequestToken"],
];

const BAD_KEYS: [string, BadCase["key"]][] = [
  ["no upload key", undefined],
  ["a forged upload key", `raw:${"K".repeat(43)}`],
  ["another guest's upload key", "otherGuestKey"],
  ["a 10 KB upload key", `raw:${"k".repeat(10 * KIB)}`],
];

/** The corpus tries every hostile id on the owner's routes; these are the ones a guest's lookup meets differently. */
const GUEST_IDS = HOSTILE_IDS.filter(([what]) => ["not a uuid", "10 KB long", "a uuid no row has"].includes(what));

/** Every guest route with hostile tokens; the ones on an upload also with hostile ids and keys. */
function addressCases(): BadCase[] {
  return GUEST_ROUTES.flatMap(({ route, method, body, upload }) => {
    const request = { route, method, actor: "anonymous" as const, ...(body ? json(body) : {}) };
    const name = `${method} ${route}`;
    if (!upload) return BAD_TOKENS.map(([what, on]): BadCase => ({ ...request, label: `${name} with ${what}`, on }));
    const guest = { ...request, token: "guestToken" as const, on: "guestMultipart" as const, key: "guestKey" as const };
    return [
      ...BAD_TOKENS.map(([what, token]): BadCase => ({ ...guest, label: `${name} with ${what}`, token })),
      ...BAD_KEYS.map(([what, key]): BadCase => ({ ...guest, label: `${name} with ${what}`, key })),
      ...GUEST_IDS.map(([what, id]): BadCase => ({ ...guest, label: `${name} with an upload id that is ${what}`, on: `raw:${id}` })),
      { ...guest, label: `${name} on the owner's own upload`, on: "multipart" },
    ];
  });
}

function ownerAddressCases(): BadCase[] {
  const revoke = { route: "app/api/requests/[id]/route.ts", method: "DELETE", actor: "owner" as const };
  const list = { route: "app/api/requests/route.ts", method: "GET", actor: "owner" as const };
  return [
    ...HOSTILE_IDS.map(([what, id]): BadCase => ({ ...revoke, label: `revoking a request with an id that is ${what}`, on: `raw:${id}` })),
    { ...revoke, label: "revoking another user's request", on: "othersRequest" },
    ...["limit=0", "limit=101", "limit=abc", "cursor=not-a-uuid", `cursor=${NOBODY}`, "cursor=@othersRequest@", "cursor=%00"].map((query): BadCase => ({
      ...list,
      label: `GET /api/requests?${query}`,
      query,
    })),
  ];
}

/** Bodies that cannot be read: all of them on the two routes that create, a sample on the others (the same readJson reads them). */
function unreadableCases(): BadCase[] {
  return JSON_ROUTES.flatMap((route, index) =>
    (index < 2 ? UNREADABLE_BODIES : UNREADABLE_BODIES.filter((_, i) => i % 4 === 0)).map(([what, body, headers]) => ({
      ...route,
      label: `${route.method} ${route.route} with a body ${what}`,
      body,
      headers,
    })),
  );
}

/** The upload-request cases of the corpus. */
export function requestCases(): BadCase[] {
  return [...fieldCases(), ...addressCases(), ...ownerAddressCases(), ...unreadableCases()];
}
