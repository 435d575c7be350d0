import net from "node:net";

// Stand-ins in front of clamd for the attack tests: a peer that answers what a test wants, and the
// real clamd behind a proxy that holds its verdict back, so a test controls what happens between
// a processing run's read and its record.

export /** A TCP peer standing for clamd; `answer` gets each connection. */
async function fakeClamd(answer: (socket: net.Socket) => void) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    answer(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const close = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port: address.port, close };
}

/** The real clamd behind a proxy that holds its answers until release(): a run waits at its verdict. */
export async function gatedClamd() {
  let open = false;
  const held: Array<() => void> = [];
  const answered = Promise.withResolvers<void>();
  const gate = await fakeClamd((client) => {
    const upstream = net.connect({ host: process.env.TEST_CLAMD_HOST ?? "", port: Number(process.env.TEST_CLAMD_PORT) });
    client.pipe(upstream);
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("data", (data: Buffer) => (open ? client.write(data) : (held.push(() => client.write(data)), answered.resolve())));
    upstream.on("end", () => (open ? client.end() : held.push(() => client.end())));
  });
  const release = () => {
    open = true;
    for (const flush of held.splice(0)) flush();
  };
  return { ...gate, answered: answered.promise, release };
}
