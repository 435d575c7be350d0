import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/admin/audit/route";
import { listAuditEvents, type ListAuditQuery } from "@/lib/audit/list-audit-events";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newUser, rejection } from "../support/domain-helpers";
import { must } from "../support/must";
import { sessionFor } from "../support/session-cookie";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

let admin: string;
let alice: string;
let aliceEmail: string;
let bob: string;
const target = randomUUID();
const base = Date.parse("2026-06-01T12:00:00.000Z");
const at = (minutes: number) => new Date(base + minutes * 60_000);

/** Every event as the database orders it, newest first, with the same filter written as Prisma sees it. */
async function expected(where: Prisma.AuditEventWhereInput = {}) {
  const rows = await db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { actor: true } });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actor: row.actor ? { id: row.actor.id, email: row.actor.email, name: row.actor.name } : null,
    action: row.action,
    target: row.target,
    ip: row.ip,
    userAgent: row.userAgent,
    data: row.data,
  }));
}

/** Follows nextCursor to the end; each page within the limit. */
async function allPages(query: Omit<ListAuditQuery, "limit" | "cursor">, limit: number) {
  const items = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listAuditEvents({ ...query, cursor, limit });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (!page.nextCursor) return items;
    expect(page.items.length).toBe(limit);
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

function call(query: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://127.0.0.1:3000/api/admin/audit?${query}`, { headers }), { params: Promise.resolve({}) });
}

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    i += 1;
    if (quoted && char === '"' && next === '"') {
      field += '"';
      i += 1;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"' && field === "") {
      quoted = true;
    } else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && next === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else if (char === "\r" || char === "\n") {
      throw new Error(`bare line break in an unquoted field at ${i}`);
    } else {
      field += char;
    }
  }
  if (field !== "" || record.length) throw new Error("the last record does not end in CRLF");
  return records;
}

async function readChunks(response: Response): Promise<string[]> {
  const reader = must(response.body, "a body").getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(decoder.decode(value, { stream: true }));
  }
}

beforeAll(async () => {
  admin = await newUser("Ada Admin");
  await db.user.update({ where: { id: admin }, data: { role: "ADMIN" } });
  alice = await newUser('Alice, "the" tester');
  aliceEmail = (await db.user.findUniqueOrThrow({ where: { id: alice } })).email;
  bob = await newUser("Bob");
  session.current = await sessionFor(admin);
  const awkward = { note: 'she said "no", then\r\nleft, then\nreturned', nested: { list: [1, "two, three", null, true, { deep: "ü 日本 🚀" }] }, empty: "" };
  await db.auditEvent.createMany({
    data: [
      { actorId: alice, action: "link.create", target, createdAt: at(0), ip: "10.0.0.1", userAgent: 'Mozilla/5.0 (X11; Linux) "quoted", with comma' },
      { actorId: alice, action: "link.revoke", target, createdAt: at(1), ip: null, userAgent: "line one\nline two\r\nline three" },
      { actorId: bob, action: "link.download", target: randomUUID(), createdAt: at(1), data: awkward },
      { actorId: null, action: "link.download", target, createdAt: at(2), data: { outcome: "ok" } },
      { actorId: bob, action: "review.reject", target, createdAt: at(3), data: { note: "נתונים עבריים ‮ reversed" } },
      { actorId: alice, action: "review.reject", target: "a,b", createdAt: at(4), userAgent: "" },
      { actorId: alice, action: "linked.create", createdAt: at(5) },
      { actorId: bob, action: "link", createdAt: at(6) },
      // Three at the very same instant: the id decides their order.
      ...Array.from({ length: 3 }, () => ({ actorId: alice, action: "upload.create", target, createdAt: at(7) })),
    ],
  });
});

describe("GET /api/admin/audit filters", () => {
  it("pages through everything newest first, each row exactly once", async () => {
    const all = await expected();
    expect(all.length).toBeGreaterThan(12);
    expect(await allPages({}, 4)).toEqual(all);
    expect((await listAuditEvents({ limit: 50 })).items).toEqual(all.slice(0, 50));
  });

  it("filters by actor id or e-mail; an unknown actor finds nothing", async () => {
    const mine = await expected({ actorId: alice });
    expect(mine.length).toBeGreaterThan(5);
    expect(await allPages({ actor: alice }, 2)).toEqual(mine);
    expect(await allPages({ actor: aliceEmail.toUpperCase() }, 3)).toEqual(mine);
    expect(mine.every((item) => item.actor?.email === aliceEmail && item.actor.name === 'Alice, "the" tester')).toBe(true);
    expect(await listAuditEvents({ actor: "nobody@test.local", limit: 10 })).toEqual({ items: [], nextCursor: null });
    expect(await listAuditEvents({ actor: randomUUID(), limit: 10 })).toEqual({ items: [], nextCursor: null });
  });

  it("filters by exact action and by a prefix ending in a dot", async () => {
    expect(await allPages({ action: "review.reject" }, 1)).toEqual(await expected({ action: "review.reject" }));
    const links = await expected({ action: { startsWith: "link." } });
    expect(links.map((item) => item.action).sort()).toEqual(["link.create", "link.download", "link.download", "link.revoke"]);
    expect(await allPages({ action: "link." }, 1)).toEqual(links);
    expect(await allPages({ action: "link." }, 3)).toEqual(links);
    // "link" without the dot is an exact action.
    expect((await allPages({ action: "link" }, 5)).map((item) => item.action)).toEqual(["link"]);
    expect(await allPages({ action: "account." }, 2)).toEqual(await expected({ action: { startsWith: "account." } }));
    expect(await listAuditEvents({ action: "nothing.", limit: 5 })).toEqual({ items: [], nextCursor: null });
  });

  it("filters by target, by time (to excluded) and by several at once", async () => {
    expect(await allPages({ target }, 2)).toEqual(await expected({ target }));
    expect(await allPages({ target: "a,b" }, 2)).toEqual(await expected({ target: "a,b" }));
    const window = await allPages({ from: at(1), to: at(4) }, 2);
    expect(window).toEqual(await expected({ createdAt: { gte: at(1), lt: at(4) } }));
    expect(window.map((item) => item.createdAt)).toEqual([at(3), at(2), at(1), at(1)].map((date) => date.toISOString()));
    expect(await allPages({ action: "link.", from: at(1), to: at(2) }, 1)).toEqual(await expected({ action: { startsWith: "link." }, createdAt: { gte: at(1), lt: at(2) } }));
    expect(await allPages({ actor: alice, action: "link." }, 1)).toEqual(await expected({ actorId: alice, action: { startsWith: "link." } }));
    expect(await allPages({ actor: bob, action: "review.reject", target }, 1)).toEqual(await expected({ actorId: bob, action: "review.reject", target }));
  });

  it("refuses an unknown cursor with 422 invalid_cursor", async () => {
    for (const cursor of [randomUUID(), "not-an-id"]) {
      const error = await rejection(listAuditEvents({ cursor, limit: 5 }));
      expect([error.status, error.code]).toEqual([422, "invalid_cursor"]);
    }
    const response = await call(`cursor=${randomUUID()}`);
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid_cursor");
  });

  it("answers the page as JSON through the route, and 422 for bad parameters", async () => {
    const response = await call(`actor=${encodeURIComponent(aliceEmail)}&action=link.&limit=1`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items).toEqual((await expected({ actorId: alice, action: { startsWith: "link." } })).slice(0, 1));
    expect(typeof body.nextCursor).toBe("string");
    // Blank fields of a filter form filter nothing.
    expect((await (await call("actor=%20%20&action=&target=&from=&to=&cursor=&limit=3")).json()).items).toEqual((await expected()).slice(0, 3));
    for (const query of ["limit=0", "limit=101", "format=xml", "from=yesterday", "to=2026-13-01"]) {
      const bad = await call(query);
      expect([query, bad.status, (await bad.json()).error.code]).toEqual([query, 422, "validation_failed"]);
    }
    session.current = await sessionFor(alice);
    try {
      expect((await call("")).status).toBe(403);
    } finally {
      session.current = await sessionFor(admin);
    }
  });
});

describe("GET /api/admin/audit exports", () => {
  it("streams CSV that parses back to exactly the rows in the database, and audits the export", async () => {
    const rows = await expected();
    const response = await call("format=csv", { "x-forwarded-for": "203.0.113.9" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="slipway-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const [header, ...records] = parseCsv((await readChunks(response)).join(""));
    expect(header).toEqual(["id", "createdAt", "actorId", "actorEmail", "action", "target", "ip", "userAgent", "data"]);
    expect(records).toHaveLength(rows.length);
    const read = records.map(([id, createdAt, actorId, actorEmail, action, target, ip, userAgent, data]) => ({
      id,
      createdAt,
      actorId,
      actorEmail,
      action,
      target,
      ip,
      userAgent,
      data,
    }));
    expect(read).toEqual(
      rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        actorId: row.actor?.id ?? "",
        actorEmail: row.actor?.email ?? "",
        action: row.action,
        target: row.target ?? "",
        ip: row.ip ?? "",
        userAgent: row.userAgent ?? "",
        data: row.data === null ? "" : expect.any(String),
      })),
    );
    records.forEach((record, index) => expect(record[8] === "" ? null : JSON.parse(record[8])).toEqual(rows[index].data));
    // The awkward values really went through quoting.
    expect(records.some((record) => record[7].includes("\r\n"))).toBe(true);
    expect(records.some((record) => record[7].includes('"quoted", with comma'))).toBe(true);

    const audit = await db.auditEvent.findMany({ where: { action: "admin.audit_export" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin, ip: "203.0.113.9", data: { format: "csv" } });
    expect(read.some((record) => record.id === audit[0].id)).toBe(false);
  });

  it("streams filtered NDJSON, one item per line as the JSON page has it", async () => {
    const response = await call(`format=ndjson&action=link.&actor=${alice}&limit=1&cursor=ignored`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="slipway-audit-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    const text = (await readChunks(response)).join("");
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(await expected({ actorId: alice, action: { startsWith: "link." } }));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "admin.audit_export" }, orderBy: { createdAt: "desc" } });
    expect(audit.data).toEqual({ format: "ndjson", action: "link.", actor: alice });
  });

  it("streams a large export page by page, in order, without gaps or repeats", async () => {
    const bulkTarget = randomUUID();
    await db.auditEvent.createMany({
      data: Array.from({ length: 3000 }, (_, index) => ({ actorId: bob, action: "bulk.row", target: bulkTarget, createdAt: at(100 + (index % 700)), data: { index } })),
    });
    const rows = await expected({ target: bulkTarget });
    for (const format of ["csv", "ndjson"]) {
      const chunks = await readChunks(await call(`format=${format}&target=${bulkTarget}`));
      // One chunk per 1,000-row page (and the CSV header): never the whole export at once.
      expect(chunks.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(chunks.join("").length / 2);
      const ids =
        format === "csv"
          ? parseCsv(chunks.join(""))
              .slice(1)
              .map((record) => record[0])
          : chunks
              .join("")
              .trimEnd()
              .split("\n")
              .map((line) => JSON.parse(line).id);
      expect(ids).toEqual(rows.map((row) => row.id));
    }
  });

  it("exports nothing but the header for an unknown actor", async () => {
    expect((await readChunks(await call("format=csv&actor=nobody@test.local"))).join("")).toBe("id,createdAt,actorId,actorEmail,action,target,ip,userAgent,data\r\n");
  });
});
