import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
// Renamed: vitest's module transform would read `import.meta` below as the imported `meta`.
import { meta as requestMeta, newUser } from "../support/domain-helpers";
import { callRoute, errorCode } from "../support/route-call";
import { addressOf, exportedMethods, METHODS, routeFilesUnder } from "../support/route-tree";
import { sessionFor } from "../support/session-cookie";

// Every route under app/api/admin, found on disk so that a route added later is held to the
// same rules without anyone remembering to list it here.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; sv?: number; sid?: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));

const root = path.resolve(import.meta.dirname, "../..");
const routeFiles = routeFilesUnder("app/api/admin/**/route.ts");

type Handler = Parameters<typeof callRoute>[0];
type Who = "anonymous" | "user" | "disabledUser" | "disabledAdmin" | "admin";
const people = {} as Record<Exclude<Who, "anonymous">, string>;
/** Ids of real rows, by the folder that names the resource (`uploads/[id]` → an upload's id). */
const realIds: Record<string, string> = {};

/** The ids an admin tries on a route: a random one and, when the resource is known, a real one. */
function idsFor(file: string) {
  const resource = /\/(\w+)\/\[\w+\]/.exec(file)?.[1];
  return [randomUUID(), ...(resource && realIds[resource] ? [realIds[resource]] : [])];
}

async function handlersOf(file: string) {
  const found = await exportedMethods<Handler>(file);
  expect(found.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
  return found;
}

async function call(who: Who, handler: Handler, method: string, file: string, id: string, body?: string) {
  session.current = who === "anonymous" ? null : await sessionFor(people[who], 0);
  const { url, params } = addressOf(file, id);
  const response = await callRoute(handler, method, url, { params, body });
  return { status: response.status, code: await errorCode(response) };
}

beforeAll(async () => {
  for (const who of ["user", "disabledUser", "disabledAdmin", "admin"] as const) people[who] = await newUser(who);
  await db.user.updateMany({ where: { id: { in: [people.admin, people.disabledAdmin] } }, data: { role: "ADMIN" } });
  await db.user.updateMany({ where: { id: { in: [people.disabledUser, people.disabledAdmin] } }, data: { disabledAt: new Date() } });

  // Real rows for the admin to act on: another user, and their finished file (awaiting review).
  const owner = await newUser("Owner");
  const bytes = randomBytes(2000);
  const ticket = await createUploadSlot(owner, { name: "notes.txt", type: "text/plain", size: bytes.length }, requestMeta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
  await completeUpload(owner, ticket.upload.id, requestMeta);
  Object.assign(realIds, { users: owner, uploads: ticket.upload.id });
});

describe("the admin API's access rules", () => {
  it("finds the admin routes on disk", () => {
    expect(routeFiles).toEqual(expect.arrayContaining(["app/api/admin/users/route.ts", "app/api/admin/users/[id]/route.ts", "app/api/admin/users/[id]/password/route.ts"]));
  });

  it("has a route file exporting every method the contract lists under Admin API", () => {
    const docs = readFileSync(path.join(root, "docs/api.md"), "utf8");
    const section = docs.slice(docs.indexOf("## Admin API"), docs.indexOf("\n## ", docs.indexOf("## Admin API") + 1));
    const documented = [...section.matchAll(/^- `([A-Z]+) (\/api\/admin\/[^?` ]*)/gm)].map(([, method, route]) => ({
      method,
      file: `app${route.replace(/:(\w+)/g, "[$1]")}/route.ts`,
    }));
    expect(documented.length).toBeGreaterThanOrEqual(12);
    const missing = documented.filter(({ method, file }) => {
      if (!routeFiles.includes(file)) return true;
      return !new RegExp(`export const ${method} = adminRoute\\(`).test(readFileSync(path.join(root, file), "utf8"));
    });
    expect(missing, "documented admin routes without a handler").toEqual([]);
    expect(new Set(documented.map(({ file }) => file)).size).toBeGreaterThanOrEqual(11);
  });

  describe.each(routeFiles)("%s", (file) => {
    it("wraps every handler in adminRoute, and nothing in userRoute or publicRoute", () => {
      const source = readFileSync(path.join(root, file), "utf8");
      expect(source).not.toMatch(/\b(userRoute|publicRoute)\b/);
      // A handler exported any other way (a function, a re-export) would skip the check.
      expect(source).not.toMatch(/export\s+(async\s+)?function|export\s*\{|export\s+default/);
      for (const [, method, wrapper] of source.matchAll(/export const (\w+) =\s*(\w+)/g)) {
        if ((METHODS as readonly string[]).includes(method)) expect(wrapper, `${file} ${method}`).toBe("adminRoute");
      }
    });

    it("answers 401 anonymous, 403 to users and disabled accounts, and never 401, 403 or 5xx to an admin", async () => {
      for (const [method, handler] of await handlersOf(file)) {
        const id = randomUUID();
        const label = (who: string) => `${method} ${file} as ${who}`;
        expect(await call("anonymous", handler, method, file, id), label("anonymous")).toEqual({ status: 401, code: "unauthenticated" });
        expect(await call("user", handler, method, file, id), label("user")).toEqual({ status: 403, code: "forbidden" });
        expect(await call("disabledUser", handler, method, file, id), label("disabled user")).toEqual({ status: 403, code: "account_disabled" });
        expect(await call("disabledAdmin", handler, method, file, id), label("disabled admin")).toEqual({ status: 403, code: "account_disabled" });

        const bodies = method === "GET" || method === "HEAD" ? [undefined] : [undefined, "{}", "{"];
        for (const adminId of idsFor(file)) {
          for (const body of bodies) {
            const { status, code } = await call("admin", handler, method, file, adminId, body);
            expect([401, 403].includes(status) || status >= 500, `${label("admin")} (id ${adminId}, body ${body}): ${status} ${code}`).toBe(false);
          }
        }
      }
    });
  });
});
