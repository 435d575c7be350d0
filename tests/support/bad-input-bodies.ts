import { gzipSync } from "node:zlib";
import { type BadCase, FORM_TYPE, JSON_TYPE, KIB, NOBODY, type Thing } from "./bad-input-case";
import { testPassword } from "./domain-helpers";
import type { Actor } from "./attack-world";

// Bodies of the JSON routes: every field given hostile names, absurd numbers, wrong types and
// fields no client may set, and bodies that cannot be read at all.

/** A JSON body as the client would send it; `raw` bodies are sent byte for byte. */
const json = (value: unknown) => ({ body: JSON.stringify(value), headers: JSON_TYPE });
const text = (body: string, type = "application/json") => ({ body, headers: { "content-type": type } });

/** Hostile text that is nothing once cleaned (lib/clean-text.ts): no name or note may be only this. */
export const EMPTY_TEXT: [string, string][] = [
  ["empty", ""],
  ["blank", "   "],
  ["NUL bytes", "\u0000\u0000"],
  ["control characters", "\u0001\u0007\u001b\u007f"],
  ["an RTL override alone", "\u202e"],
  ["zero-width marks", "\u200b\u200c\u200d\ufeff"],
];
/** File names that are nothing once sanitised: only dots and path separators. */
export const NO_FILE_NAME: [string, string][] = [...EMPTY_TEXT, ["a dot", "."], ["dot-dot", ".."], ["a path of dots", "../../.."], ["slashes", "///\\\\"]];
export const TOO_LONG = (max: number): [string, string][] => [
  [`${max + 1} characters`, "x".repeat(max + 1)],
  ["10 KB", "n".repeat(10 * KIB)],
  // Lengths count code points: 5,000 emoji are 5,000 characters (20 KB of UTF-8).
  ["5,000 emoji", "😀".repeat(5000)],
];
export const WRONG_TYPES: [string, unknown][] = [
  ["a number", 42],
  ["null", null],
  ["true", true],
  ["an array", ["x"]],
  ["an object", { toString: "x" }],
];
export const ABSURD_INTEGERS: [string, unknown][] = [
  ["negative", -1],
  ["zero", 0],
  ["a float", 1.5],
  ["1e308", 1e308],
  ["a string", "10"],
  ["the string NaN", "NaN"],
  ["null", null],
  ["an array", [10]],
];
/** 2^53 + 1 cannot be a JS number: sent as literal JSON text, it parses to 2^53. */
export const beyondSafe = (body: string) => text(body.replace('"@BIG@"', "9007199254740993"));

/** Bodies every JSON route must refuse before looking at the fields. */
export const UNREADABLE_BODIES: [string, BadCase["body"], Record<string, string>][] = [
  ["as text/plain", '{"a":1}', { "content-type": "text/plain" }],
  ["without a content type", '{"a":1}', {}],
  ["as a form", "a=1", FORM_TYPE],
  ["as multipart/form-data", "--x\r\n\r\n--x--", { "content-type": "multipart/form-data; boundary=x" }],
  ["as application/json-patch+json", "[]", { "content-type": "application/json-patch+json" }],
  ["cut short", '{"a":', JSON_TYPE],
  ["with a trailing comma", '{"a":1,}', JSON_TYPE],
  ["with NaN", '{"size":NaN}', JSON_TYPE],
  ["with a byte-order mark", "\ufeff{}", JSON_TYPE],
  ["in invalid UTF-8", new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), JSON_TYPE],
  ["in overlong UTF-8", new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), JSON_TYPE],
  ["gzip-compressed", new Uint8Array(gzipSync('{"a":1}')), { ...JSON_TYPE, "content-encoding": "gzip" }],
  ["in UTF-16", new Uint8Array(Buffer.from('{"a":1}', "utf16le")), { "content-type": "application/json; charset=utf-16" }],
  ["nested 5,000 deep", "[".repeat(5000) + "]".repeat(5000), JSON_TYPE],
  ["over 64 KiB", JSON.stringify({ pad: "x".repeat(64 * KIB) }), JSON_TYPE],
  ["over 64 KiB, streamed without a length", () => stream(200 * KIB), JSON_TYPE],
  ["over 64 KiB behind a Content-Length of 10", () => stream(100 * KIB), { ...JSON_TYPE, "content-length": "10" }],
  ["a bare string", '"hello"', JSON_TYPE],
  ["a bare number", "12", JSON_TYPE],
  ["null", "null", JSON_TYPE],
  ["an array", "[]", JSON_TYPE],
];

function stream(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new TextEncoder().encode(`{"pad":"${"y".repeat(16 * KIB)}`);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

/** The JSON routes, each with a valid body (that the unreadable bodies replace) and who may call it. */
const JSON_ROUTES: { route: string; method: string; actor: Actor; on?: Thing }[] = [
  { route: "app/api/account/route.ts", method: "POST", actor: "anonymous" },
  { route: "app/api/account/password/route.ts", method: "POST", actor: "owner" },
  { route: "app/api/uploads/route.ts", method: "POST", actor: "owner" },
  { route: "app/api/uploads/[id]/parts/route.ts", method: "POST", actor: "owner", on: "multipart" },
  { route: "app/api/uploads/[id]/links/route.ts", method: "POST", actor: "owner", on: "approved" },
  { route: "app/api/admin/uploads/[id]/review/route.ts", method: "POST", actor: "admin", on: "waiting" },
  { route: "app/api/admin/uploads/review/route.ts", method: "POST", actor: "admin" },
  { route: "app/api/admin/users/[id]/route.ts", method: "PATCH", actor: "admin", on: "ownerId" },
];

const SIGN_UP = { route: "app/api/account/route.ts", method: "POST", actor: "anonymous" as const };
const newAccount = { email: "mallory@test.local", password: testPassword, name: "Mallory" };
const CHANGE_PASSWORD = { route: "app/api/account/password/route.ts", method: "POST", actor: "owner" as const };
const CREATE_UPLOAD = { route: "app/api/uploads/route.ts", method: "POST", actor: "owner" as const };
const newFile = { name: "report.pdf", type: "application/pdf", size: 1000 };
const SIGN_PARTS = { route: "app/api/uploads/[id]/parts/route.ts", method: "POST", actor: "owner" as const, on: "multipart" as const };
const CREATE_LINK = { route: "app/api/uploads/[id]/links/route.ts", method: "POST", actor: "owner" as const, on: "approved" as const };
const REVIEW = { route: "app/api/admin/uploads/[id]/review/route.ts", method: "POST", actor: "admin" as const, on: "waiting" as const };
const BULK_REVIEW = { route: "app/api/admin/uploads/review/route.ts", method: "POST", actor: "admin" as const };
const PATCH_USER = { route: "app/api/admin/users/[id]/route.ts", method: "PATCH", actor: "admin" as const, on: "ownerId" as const };

export function fieldCases(): BadCase[] {
  const cases: BadCase[] = [];
  const add = (route: Omit<BadCase, "label">, label: string, body: unknown) => cases.push({ ...route, label, ...json(body) });

  for (const [what, value] of [...EMPTY_TEXT, ...TOO_LONG(100), ...WRONG_TYPES]) add(SIGN_UP, `sign-up with a name that is ${what}`, { ...newAccount, name: value });
  for (const [what, value] of [
    ["not an address", "mallory"],
    ["a bare domain", "@test.local"],
    ["300 characters long", `${"m".repeat(290)}@test.local`],
    ["with a NUL", "mal\u0000lory@test.local"],
    ["markup", "<script>@x.com"],
    ...WRONG_TYPES,
  ] as [string, unknown][])
    add(SIGN_UP, `sign-up with an e-mail that is ${what}`, { ...newAccount, email: value });
  for (const [what, value] of [["11 characters", "x".repeat(11)], ["1025 characters", "x".repeat(1025)], ...WRONG_TYPES] as [string, unknown][])
    add(SIGN_UP, `sign-up with a password of ${what}`, { ...newAccount, password: value });
  for (const [what, extra] of [
    ["an admin role", { role: "ADMIN" }],
    ["a quota", { quotaBytes: 1e15 }],
    ["trusted", { trusted: true }],
    ["its own id", { id: NOBODY }],
  ] as [string, object][])
    add(SIGN_UP, `sign-up asking for ${what} (extra field)`, { ...newAccount, ...extra });
  add(SIGN_UP, "sign-up without a name", { email: newAccount.email, password: newAccount.password });
  // JSON.parse makes "__proto__" an own key: it must be refused like any other field, never merged.
  cases.push({ ...SIGN_UP, label: "sign-up with a __proto__ holding a role", ...text(JSON.stringify(newAccount).replace("{", '{"__proto__":{"role":"ADMIN"},')) });
  cases.push({ ...SIGN_UP, label: "sign-up with a constructor field", ...text(JSON.stringify(newAccount).replace("{", '{"constructor":{"prototype":{"role":"ADMIN"}},')) });

  add(CHANGE_PASSWORD, "password change with the wrong current password", { currentPassword: "not the password", newPassword: "a brand new password" });
  add(CHANGE_PASSWORD, "password change to 11 characters", { currentPassword: testPassword, newPassword: "x".repeat(11) });
  add(CHANGE_PASSWORD, "password change to 1025 characters", { currentPassword: testPassword, newPassword: "x".repeat(1025) });
  add(CHANGE_PASSWORD, "password change without the current password", { newPassword: "a brand new password" });
  add(CHANGE_PASSWORD, "password change with a number as password", { currentPassword: testPassword, newPassword: 123456789012345 });
  add(CHANGE_PASSWORD, "password change setting the session version (extra field)", { currentPassword: testPassword, newPassword: "a brand new password", sessionVersion: 0 });

  for (const [what, value] of [...NO_FILE_NAME, ...TOO_LONG(4096), ...WRONG_TYPES]) add(CREATE_UPLOAD, `new upload named ${what}`, { ...newFile, name: value });
  for (const [what, value] of [
    ["text", "text"],
    ["with spaces", "text/ plain"],
    ["with a NUL", "text/plain\u0000"],
    ["a path", "../../etc/passwd"],
    ["256 characters", `a/${"b".repeat(254)}`],
    ...WRONG_TYPES,
  ] as [string, unknown][])
    add(CREATE_UPLOAD, `new upload typed ${what}`, { ...newFile, type: value });
  // Zero is a size (an empty file is uploaded like any other), not an absurd one.
  const absurdSizes = ABSURD_INTEGERS.filter(([what]) => what !== "zero");
  for (const [what, value] of [...absurdSizes, ["over the quota", 1e15], ["over 5 TiB", 6 * KIB ** 4]]) add(CREATE_UPLOAD, `new upload sized ${what}`, { ...newFile, size: value });
  cases.push({ ...CREATE_UPLOAD, label: "new upload sized 2^53+1", ...beyondSafe(JSON.stringify({ ...newFile, size: "@BIG@" })) });
  for (const [what, value] of [
    ["short", "abc"],
    ["of padding", "=".repeat(24)],
    ["hex", "d41d8cd98f00b204e9800998ecf8427e"],
  ])
    add(CREATE_UPLOAD, `new upload with an md5 that is ${what}`, { ...newFile, md5: value });
  add(CREATE_UPLOAD, "new multipart upload with an md5", { ...newFile, size: 64 * KIB ** 2, md5: "1B2M2Y8AsgTpgAmY7PhCfg==" });
  add(CREATE_UPLOAD, "new upload in a 4097-character folder", { ...newFile, folder: "f".repeat(4097) });
  cases.push({ ...CREATE_UPLOAD, label: "new upload with its size twice, the last one negative", ...text('{"name":"a.txt","type":"text/plain","size":10,"size":-1}') });
  add(CREATE_UPLOAD, "new upload for another owner (extra field)", { ...newFile, ownerId: NOBODY });
  add(CREATE_UPLOAD, "new upload marked complete (extra field)", { ...newFile, status: "COMPLETE" });

  for (const [what, value] of [...ABSURD_INTEGERS, ["10001", 10001], ["beyond the plan", 5]]) add(SIGN_PARTS, `part number ${what}`, { parts: [{ number: value }] });
  cases.push({ ...SIGN_PARTS, label: "part number 2^53+1", ...beyondSafe('{"parts":[{"number":"@BIG@"}]}') });
  add(SIGN_PARTS, "no parts", { parts: [] });
  add(SIGN_PARTS, "101 parts", { parts: Array.from({ length: 101 }, (_, i) => ({ number: i + 1 })) });
  add(SIGN_PARTS, "a part twice", { parts: [{ number: 1 }, { number: 1 }] });
  add(SIGN_PARTS, "parts as a string", { parts: "1" });
  add(SIGN_PARTS, "a part with a bad md5", { parts: [{ number: 1, md5: "nope" }] });
  add(SIGN_PARTS, "a part with a size (extra field)", { parts: [{ number: 1, size: 1 }] });
  add({ ...SIGN_PARTS, on: "sent" }, "parts for a single-PUT upload", { parts: [{ number: 1 }] });
  add({ ...SIGN_PARTS, on: "approved" }, "parts for a finished upload", { parts: [{ number: 1 }] });

  for (const [what, value] of [...ABSURD_INTEGERS, ["4 seconds", 4], ["31 days", 31 * 24 * 3600]]) add(CREATE_LINK, `link living ${what}`, { expiresInSeconds: value });
  cases.push({ ...CREATE_LINK, label: "link living 2^53+1 seconds", ...beyondSafe('{"expiresInSeconds":"@BIG@"}') });
  for (const [what, value] of [...ABSURD_INTEGERS, ["1,000,001", 1_000_001]]) add(CREATE_LINK, `link for ${what} downloads`, { expiresInSeconds: 3600, maxDownloads: value });
  for (const [what, value] of [["empty", ""], ["1025 characters", "p".repeat(1025)], ...WRONG_TYPES] as [string, unknown][])
    add(CREATE_LINK, `link with a password that is ${what}`, { expiresInSeconds: 3600, password: value });
  add(CREATE_LINK, "link with a download count (extra field)", { expiresInSeconds: 3600, downloadCount: -5 });
  add({ ...CREATE_LINK, on: "waiting" }, "link on a file waiting for review", { expiresInSeconds: 3600 });
  add({ ...CREATE_LINK, on: "multipart" }, "link on an unfinished upload", { expiresInSeconds: 3600 });

  for (const [what, value] of [["maybe", "maybe"], ["APPROVE", "APPROVE"], ["empty", ""], ...WRONG_TYPES] as [string, unknown][])
    add(REVIEW, `review deciding ${what}`, { decision: value });
  for (const [what, value] of EMPTY_TEXT) add(REVIEW, `rejection with a note that is ${what}`, { decision: "reject", note: value });
  add(REVIEW, "rejection with a 1001-character note", { decision: "reject", note: "n".repeat(1001) });
  add(REVIEW, "approval naming another reviewer (extra field)", { decision: "approve", reviewerId: NOBODY });
  add({ ...REVIEW, on: "sent" }, "review of an unfinished upload", { decision: "approve" });

  for (const [what, value] of [
    ["none", []],
    ["not ids", ["x"]],
    ["SQL", ["' OR '1'='1"]],
    ["101 ids", Array.from({ length: 101 }, () => NOBODY)],
    ["a string", "x"],
    ["nulls", [null]],
  ] as [string, unknown][])
    add(BULK_REVIEW, `bulk review of ${what}`, { ids: value, decision: "approve" });
  add(BULK_REVIEW, "bulk rejection without a note", { ids: [NOBODY], decision: "reject" });
  add(BULK_REVIEW, "bulk review deciding maybe", { ids: [NOBODY], decision: "maybe" });

  for (const [what, patch] of [
    ["nothing", {}],
    ["role ROOT", { role: "ROOT" }],
    ["role admin (lower case)", { role: "admin" }],
    ["trusted 'yes'", { trusted: "yes" }],
    ["disabled 1", { disabled: 1 }],
    ["quota -1", { quotaBytes: -1 }],
    ["quota 1.5", { quotaBytes: 1.5 }],
    ["quota 5 TiB + 1", { quotaBytes: 5 * KIB ** 4 + 1 }],
    ["quota '1'", { quotaBytes: "1" }],
    ["quota 1e308", { quotaBytes: 1e308 }],
    ["a password hash", { passwordHash: "x" }],
    ["an e-mail", { email: "admin@test.local" }],
    ["a session version", { sessionVersion: 0 }],
  ] as [string, object][])
    add(PATCH_USER, `user patch setting ${what}`, patch);
  cases.push({ ...PATCH_USER, label: "user patch setting quota 2^53+1", ...beyondSafe('{"quotaBytes":"@BIG@"}') });
  cases.push({ ...PATCH_USER, label: "user patch with a __proto__ holding a role", ...text('{"trusted":false,"__proto__":{"role":"ADMIN"}}') });
  cases.push({ ...PATCH_USER, label: "user patch with the role twice, the last one ROOT", ...text('{"role":"USER","role":"ROOT"}') });
  add({ ...PATCH_USER, on: "adminId" }, "admin disabling their own account", { disabled: true });
  add({ ...PATCH_USER, on: "adminId" }, "admin dropping their own admin role", { role: "USER" });
  return cases;
}

export function unreadableBodyCases(): BadCase[] {
  return JSON_ROUTES.flatMap((route) =>
    UNREADABLE_BODIES.map(([what, body, headers]) => ({ ...route, label: `${route.method} ${route.route} with a body ${what}`, body, headers })),
  );
}
