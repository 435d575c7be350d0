// First, before anything that loads Next (tests/support/next-route.ts says why).
import { serve } from "./next-route";
import { signedInCookie } from "./session-cookie";

/**
 * Requests to route files through Next's own route handling (no stand-in for next-auth), each
 * carrying the real session cookie of whoever `as` signed in last; none before the first `as`.
 */
export function sessionCalls() {
  let cookie: string | null = null;
  return {
    as: async (userId: string) => {
      cookie = await signedInCookie(userId);
    },
    /** `body`, when given, is sent as JSON. */
    call: (file: string, url: string, params: Record<string, string> = {}, method = "GET", body?: unknown) =>
      serve(file, {
        method,
        url,
        params,
        headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** An error answer's status and code. */
export const errorOf = async (response: Response) => [response.status, ((await response.json()) as { error: { code: string } }).error.code];
