import type { z } from "zod";
import { requireUser, type SessionUser } from "./auth";
import { HttpError, toErrorResponse } from "./errors";
import { hit, type Limit } from "./rate-limit";

/** Who made a request, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

interface BaseContext {
  req: Request;
  params: Record<string, string | string[]>;
  meta: RequestMeta;
}
export interface UserContext extends BaseContext {
  user: SessionUser;
}

type RouteSegment = { params: Promise<Record<string, string | string[]>> };

interface Options {
  /** Per-user (or per-IP when public) request budget for this handler. */
  rateLimit?: Limit & { name: string };
}

export function json(body: unknown, init?: ResponseInit): Response {
  return Response.json(body, init);
}

function requestMeta(req: Request): RequestMeta {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || req.headers.get("x-real-ip") || null, userAgent: req.headers.get("user-agent")?.slice(0, 500) ?? null };
}

function errorToResponse(error: unknown): Response {
  const { status, body, headers } = toErrorResponse(error);
  return Response.json(body, { status, headers });
}

/** A handler anyone may call (health, sign-up, public share routes). */
export function publicRoute(handler: (ctx: BaseContext) => Promise<Response>, options: Options = {}) {
  return async (req: Request, segment: RouteSegment): Promise<Response> => {
    try {
      const meta = requestMeta(req);
      if (options.rateLimit) hit(`${options.rateLimit.name}:${meta.ip ?? "local"}`, options.rateLimit);
      return await handler({ req, params: await segment.params, meta });
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

/** A handler for signed-in users: 401 JSON without a session, then the handler's own checks. */
export function userRoute(handler: (ctx: UserContext) => Promise<Response>, options: Options = {}) {
  return async (req: Request, segment: RouteSegment): Promise<Response> => {
    try {
      const user = await requireUser();
      if (options.rateLimit) hit(`${options.rateLimit.name}:${user.id}`, options.rateLimit);
      return await handler({ req, params: await segment.params, meta: requestMeta(req), user });
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

const MAX_JSON_BYTES = 64 * 1024;

/** Reads and validates a JSON body: 413 when huge, 400 when not JSON, 422 when the shape is wrong. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new HttpError(413, "body_too_large", "The request body is too large.");
  const text = await req.text();
  if (text.length > MAX_JSON_BYTES) throw new HttpError(413, "body_too_large", "The request body is too large.");
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
  return schema.parse(value);
}

/** Validates route params or query values; a malformed id is simply not found. */
export function parseParams<S extends z.ZodType>(schema: S, value: unknown, what = "Resource"): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(404, "not_found", `${what} not found.`);
  return parsed.data;
}
