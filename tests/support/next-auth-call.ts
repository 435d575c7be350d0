import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";

// next-auth's App Router handler reads the request's headers and cookies through next/headers,
// which only answers inside Next's request scope. Outside a Next server, the handler is given
// this module's view of the request it is handling instead: next/headers is CommonJS and
// next-auth requires it at each request, so its two readers are replaced in the module cache.
const scope = new AsyncLocalStorage<Headers>();
const current = () => scope.getStore() ?? new Headers();
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
nextHeaders.headers = async () => current();
nextHeaders.cookies = async () => ({
  getAll: () =>
    (current().get("cookie") ?? "")
      .split(";")
      .filter((pair) => pair.includes("="))
      .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")).trim(), value: decodeURIComponent(pair.slice(pair.indexOf("=") + 1).trim()) })),
});

type Handler = (req: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/** One request to /api/auth/<path> through the app's next-auth route handler: the HTTP answer a client gets. */
export async function callNextAuth(handler: Handler, path: string, init: RequestInit = {}): Promise<Response> {
  const { NextRequest } = await import("next/server");
  const req = new NextRequest(new URL(`/api/auth/${path}`, "http://127.0.0.1:3000"), init as ConstructorParameters<typeof NextRequest>[1]);
  return scope.run(new Headers(init.headers), () => handler(req, { params: Promise.resolve({ nextauth: path.split("?")[0].split("/") }) }));
}

/** A credentials sign-in as the sign-in form makes it (CSRF token, then the form with json=true); the answer's JSON. */
export async function signInOverHttp(handler: Handler, form: { email: string; password: string }, headers: Record<string, string> = {}) {
  const csrf = await callNextAuth(handler, "csrf", { headers });
  const { csrfToken } = await csrf.json();
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const response = await callNextAuth(handler, "callback/credentials", {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form, csrfToken, json: "true" }).toString(),
  });
  return { status: response.status, body: await response.text(), location: response.headers.get("location") };
}
