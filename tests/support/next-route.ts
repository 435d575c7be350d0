// First: Next's request scopes are AsyncLocalStorage instances made when its modules load, and
// without this global they are made as stubs that throw (`next start` loads it first too).
import "next/dist/server/node-environment-baseline.js";
import { createRequire } from "node:module";
import path from "node:path";
import { NextRequest } from "next/server";

// Runs a route file the way `next start` does, in this process: Next's own route module gives the
// handler its request scope (so next/headers, and with it next-auth's real getServerSession and
// route handler, read this request's cookies), answers 405 for methods the file does not export
// and implements HEAD and OPTIONS. Nothing about sessions is stubbed: a forged or expired cookie
// is decoded, and refused, by next-auth itself. This leans on Next's internal route module, the
// one every built route wraps; if its constructor changes, `serve` fails loudly on the first call.
const require = createRequire(import.meta.url);
const { AppRouteRouteModule } = require("next/dist/server/route-modules/app-route/module.js");

export const root = path.resolve(import.meta.dirname, "../..");

interface RouteModule {
  handle(req: NextRequest, context: unknown): Promise<Response>;
}

export interface Send {
  method: string;
  /** Path and query, e.g. `/api/uploads/<id>?limit=5`. */
  url: string;
  /** Values of the route's dynamic segments (a catch-all takes an array). */
  params?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: BodyInit;
}

const modules = new Map<string, Promise<RouteModule>>();

/** The file's directory below app/ as Next's route pathname: `app/api/uploads/[id]/route.ts` → `/api/uploads/[id]`. */
export const pathnameOf = (file: string) => `/${path.dirname(file).split("/").slice(1).join("/")}`;

function load(file: string): Promise<RouteModule> {
  let loaded = modules.get(file);
  if (!loaded) {
    loaded = import(path.join(root, file)).then((userland) => {
      const pathname = pathnameOf(file);
      return new AppRouteRouteModule({
        definition: { kind: "APP_ROUTE", page: `${pathname}/route`, pathname, filename: "route", bundlePath: `app${pathname}/route` },
        distDir: ".next",
        relativeProjectDir: "",
        resolvedPagePath: path.join(root, file),
        nextConfigOutput: undefined,
        userland: () => userland,
      }) as RouteModule;
    });
    modules.set(file, loaded);
  }
  return loaded;
}

/** Sends one request to the route in `file` (relative to the project root) and returns Next's answer. */
export async function serve(file: string, { method, url, params = {}, headers = {}, body }: Send): Promise<Response> {
  const route = await load(file);
  const streamed = body instanceof ReadableStream ? { duplex: "half" } : {};
  const req = new NextRequest(new URL(url, "http://127.0.0.1:3000"), { method, headers, body, ...streamed } as ConstructorParameters<typeof NextRequest>[1]);
  return route.handle(req, {
    params,
    renderOpts: { experimental: {}, onClose: () => {}, onAfterTaskError: undefined },
    sharedContext: { buildId: "test" },
  });
}
