// Slipway's HTTP server: Next.js's request handler behind one step that decides who is asking.
// Route handlers cannot see the socket, and `next start` keeps an X-Forwarded-For the client sent,
// so every per-address limit could be dodged with a new header each time. Here the header is
// replaced by exactly one entry, the client address (server/client-address.ts), before Next sees
// the request; app code reads it with lib/client-ip.ts.
//   node server.ts --port 3000 [--hostname 127.0.0.1] [--dev]      (scripts/serve.sh runs it)
// Plain Node runs this file (type stripping), outside Next's bundles: it cannot import lib/env.ts
// (a server-only module), so it reads its one setting, TRUST_PROXY, itself; lib/env.ts declares it too.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { clientAddress, parseTrustedHops } from "./server/client-address.ts";
import { explainMethodNotAllowed } from "./server/method-not-allowed.ts";

const { values: args } = parseArgs({
  options: { port: { type: "string", default: "3000" }, hostname: { type: "string", default: "127.0.0.1" }, dev: { type: "boolean", default: false } },
});
const port = Number(args.port);
const trustedHops = parseTrustedHops(process.env.TRUST_PROXY);

const httpServer = createServer();
const app = next({ dev: args.dev, hostname: args.hostname, port, httpServer });
const handle = app.getRequestHandler();
await app.prepare();

httpServer.on("request", (req, res) => {
  req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  // Other spellings of the same claim, which nothing here reads and nothing may trust.
  delete req.headers["x-real-ip"];
  delete req.headers["forwarded"];
  explainMethodNotAllowed(req, res);
  void handle(req, res);
});
httpServer.listen(port, args.hostname, () => {
  console.log(`slipway: listening on http://${args.hostname}:${port} (client address: ${trustedHops ? `${trustedHops} trusted proxy hop(s)` : "the socket's peer"})`);
});

// As `next start` does: stop accepting, let requests in flight finish, close Next, exit 128+signal.
let stopping = false;
function stop(signal: "SIGINT" | "SIGTERM") {
  if (stopping) return;
  stopping = true;
  httpServer.close(() => {
    app
      .close()
      .catch((error: unknown) => console.error("slipway: closing Next.js failed", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
  // Keep-alive connections idle between requests would hold close() open.
  httpServer.closeIdleConnections();
}
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
