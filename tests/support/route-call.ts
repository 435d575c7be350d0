type Handler = (req: Request, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface RouteCall {
  params?: Record<string, string | string[]>;
  /** Sent as JSON (with its Content-Type) unless it is already a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls an App Router handler the way Next does: a Request, and the route's params as a promise. */
export function callRoute(handler: Handler, method: string, url: string, { params = {}, body, headers = {} }: RouteCall = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json", ...headers };
  }
  return handler(new Request(new URL(url, "http://127.0.0.1:3000"), init), { params: Promise.resolve(params) });
}

/** The error code of a JSON error answer, or null for any other answer. */
export async function errorCode(response: Response): Promise<string | null> {
  const body = await response
    .clone()
    .json()
    .catch(() => null);
  return body?.error?.code ?? null;
}
