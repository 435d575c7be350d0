import type { z } from "zod";
import { requireAdmin, requireUser, type SessionUser } from "./auth";
import { clientIp } from "./client-ip";
import { env } from "./env";
import { HttpError, notFound, toErrorResponse } from "./errors";
import { hit, type Limit } from "./rate-limit";

/** Who made a request, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface BaseContext {
  req: Request;
  params: Record<string, string | string[]>;
  meta: RequestMeta;
}
export interface UserContext extends BaseContext {
  user: SessionUser;
}

type RouteSegment = { params: Promise<Record<string, string | string[]>> };

export type ErrorAnswer = ReturnType<typeof toErrorResponse>;

interface Options {
  /** Per-user (or per-IP when public) request budget for this handler. */
  rateLimit?: Limit & { name: string };
  /** Renders an error as an HTML page, for addresses a browser navigates to; null answers JSON. */
  errorPage?: (error: ErrorAnswer, ctx: BaseContext) => Promise<Response | null>;
}

export function json(body: unknown, init?: ResponseInit): Response {
  return Response.json(body, init);
}

/** 302 to a short-lived presigned URL: never cached, and the page's address is not sent to S3. */
export function redirectTo(url: string): Response {
  return new Response(null, { status: 302, headers: { Location: url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

function requestMeta(req: Request): RequestMeta {
  return { ip: clientIp(req.headers.get("x-forwarded-for")), userAgent: req.headers.get("user-agent")?.slice(0, 500) ?? null };
}

const appOrigin = new URL(env.APP_URL).origin;

// SameSite=Lax session cookies still ride along on requests from a sibling subdomain (same site,
// other origin). Browsers name the page's origin on every non-GET request, so a foreign one is
// refused; requests without Origin come from servers, scripts and tests, not from a victim's browser.
function refuseCrossOrigin(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  const origin = req.headers.get("origin");
  if (origin !== null && origin !== appOrigin) {
    throw new HttpError({ code: "cross_origin", message: "This request came from another site. Use Slipway from its own address." });
  }
}

/** The one place where anything a handler throws becomes an answer: JSON, or the route's error page. */
function handle(options: Options, run: (ctx: BaseContext) => Promise<Response>) {
  return async (req: Request, segment: RouteSegment): Promise<Response> => {
    const ctx = { req, params: await segment.params, meta: requestMeta(req) };
    try {
      return await run(ctx);
    } catch (error) {
      const answer = toErrorResponse(error);
      const page = options.errorPage ? await options.errorPage(answer, ctx).catch(() => null) : null;
      return page ?? Response.json(answer.body, { status: answer.status, headers: { "Cache-Control": "no-store", ...answer.headers } });
    }
  };
}

/** A handler anyone may call (sign-up, public share routes). */
export function publicRoute(handler: (ctx: BaseContext) => Promise<Response>, options: Options = {}) {
  return handle(options, async (ctx) => {
    if (options.rateLimit) await hit(`${options.rateLimit.name}:${ctx.meta.ip ?? "local"}`, options.rateLimit);
    return handler(ctx);
  });
}

function sessionRoute(authorize: () => Promise<SessionUser>) {
  return (handler: (ctx: UserContext) => Promise<Response>, options: Options = {}) =>
    handle(options, async (ctx) => {
      refuseCrossOrigin(ctx.req);
      const user = await authorize();
      if (options.rateLimit) await hit(`${options.rateLimit.name}:${user.id}`, options.rateLimit);
      return handler({ ...ctx, user });
    });
}

/** A handler for signed-in users: 401 JSON without a session (403 for a disabled account), then the handler's own checks. */
export const userRoute = sessionRoute(requireUser);

/** A handler for admins only: as userRoute, and 403 forbidden for everyone else. */
export const adminRoute = sessionRoute(requireAdmin);

const MAX_JSON_BYTES = 64 * 1024;

const tooLarge = (what: string) => new HttpError({ code: "body_too_large", message: `The request body is too large (at most ${what}).` });

/** The body's bytes, refusing (413) as soon as they pass `maxBytes`, whatever Content-Length claims. */
export async function readBodyBytes(req: Request, maxBytes: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
  if (!req.body) return new Uint8Array();
  if (Number(req.headers.get("content-length")) > maxBytes) throw tooLarge(what);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the upload without waiting for it: the sender may never stop on its own.
      reader.cancel().catch(() => {});
      throw tooLarge(what);
    }
    chunks.push(value);
  }
}

function mediaType(req: Request): string | undefined {
  return req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A small HTML form body (application/x-www-form-urlencoded): 413 over `maxBytes`, 415 otherwise typed. */
export async function readForm(req: Request, maxBytes = 4096): Promise<URLSearchParams> {
  const bytes = await readBodyBytes(req, maxBytes, `${maxBytes} bytes of form data`);
  if (bytes.byteLength === 0) return new URLSearchParams();
  if (mediaType(req) !== "application/x-www-form-urlencoded") {
    throw new HttpError({ code: "unsupported_media_type", message: "Send the form as application/x-www-form-urlencoded." });
  }
  const text = decodeUtf8(bytes);
  if (text === null) throw new HttpError({ code: "invalid_form", message: "The form is not valid UTF-8." });
  return new URLSearchParams(text);
}

/**
 * Reads and validates a JSON body: 413 when over 64 KiB, 415 when a body is not declared as
 * application/json (a cross-site form cannot send that without a CORS preflight), 400 when it is
 * not JSON (or not UTF-8), 422 when the shape is wrong. No body validates as `undefined`.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const bytes = await readBodyBytes(req, MAX_JSON_BYTES, "64 KiB of JSON");
  if (bytes.byteLength === 0) return schema.parse(undefined);
  if (mediaType(req) !== "application/json") {
    throw new HttpError({ code: "unsupported_media_type", message: "Send the request body as JSON, with Content-Type: application/json." });
  }
  return schema.parse(parseJsonBytes(bytes));
}

const invalidJson = () => new HttpError({ code: "invalid_json", message: "The request body is not valid JSON." });

/** A body's bytes as JSON: 400 invalid_json when they are not JSON (or not UTF-8). */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  const text = decodeUtf8(bytes);
  if (text === null) throw invalidJson();
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson();
  }
}

/** Validates route params or query values; a malformed id is simply not found. */
export function parseParams<S extends z.ZodType>(schema: S, value: unknown, what = "Resource"): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
