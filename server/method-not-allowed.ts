import type { IncomingMessage, ServerResponse } from "node:http";

// Next.js answers a method that a route does not export with a bare 405: no body. Every other
// refusal of the API is JSON with a code (docs/api.md), so this one is given its words on the way
// out. Both calls are wrapped: Next's compression writes the head before the (empty) end reaches us.
export function explainMethodNotAllowed(req: IncomingMessage, res: ServerResponse): void {
  if (!req.url?.startsWith("/api/")) return;
  const body = JSON.stringify({ error: { code: "method_not_allowed", message: `This address does not take ${req.method} requests.` } });
  let explain = false;
  const { writeHead, end } = res;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = args[0];
    if (status === 405 && !res.hasHeader("content-type")) {
      explain = true;
      res.setHeader("content-type", "application/json");
      res.setHeader("content-length", Buffer.byteLength(body));
    }
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(res, args);
  } as ServerResponse["writeHead"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!res.headersSent && res.statusCode === 405) res.writeHead(405);
    if (explain && (args.length === 0 || typeof args[0] === "function" || args[0] == null)) return (end as (chunk: string) => ServerResponse).call(res, body);
    return (end as (...rest: unknown[]) => ServerResponse).apply(res, args);
  } as ServerResponse["end"];
}
