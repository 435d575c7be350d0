import net from "node:net";
import { setImmediate as nextTurn } from "node:timers/promises";

export interface ClamdOptions {
  host: string;
  port: number;
  /** How long clamd may stay silent before a call fails; in a scan that includes scanning the whole file after its last byte. */
  timeoutMs: number;
}

/**
 * `unscannable`: clamd stopped before the end (one of its limits inside the file: nesting depth,
 * number of files, unpacked size, scan time). A 2 KB zip nested 17 deep is one: never shareable
 * as "too large", it fails closed. `too_large_to_scan` is only the stream itself over clamd's
 * StreamMaxLength.
 */
export type ScanResult =
  { verdict: "clean" } | { verdict: "infected"; signature: string } | { verdict: "too_large_to_scan"; reason: string } | { verdict: "unscannable"; reason: string };

export interface ClamdScan {
  /** Sends a chunk; resolves when the connection can take more. Once clamd has answered (a limit), sends nothing. */
  write(chunk: Uint8Array): Promise<void>;
  /** Ends the stream and waits for clamd's verdict. */
  finish(): Promise<ScanResult>;
  abort(): void;
}

/** clamd's verdict in its INSTREAM answer (without the NUL), or null when the answer is no verdict (an error). */
export function parseScanReply(reply: string): ScanResult | null {
  if (reply === "stream: OK") return { verdict: "clean" };
  // With AlertExceedsMax a file over MaxFileSize, MaxScanSize, MaxScanTime… is "found" under this name.
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return found[1].startsWith("Heuristics.Limits.Exceeded") ? { verdict: "unscannable", reason: found[1] } : { verdict: "infected", signature: found[1] };
  // Over StreamMaxLength clamd stops reading, answers this and closes the connection.
  if (reply === "INSTREAM size limit exceeded. ERROR") return { verdict: "too_large_to_scan", reason: "INSTREAM size limit exceeded" };
  return null;
}

type Outcome = { answer: string } | { failure: Error };

// Answers are a line or two (STATS is the longest); a peer that sends more is not clamd.
const MAX_ANSWER_BYTES = 64 * 1024;

interface Connection {
  socket: net.Socket;
  where: string;
  outcome?: Outcome;
  /** Resolves (never rejects) with the outcome: clamd's NUL-terminated answer or why there is none. */
  settled: Promise<Outcome>;
  fail(failure: Error): void;
}

function describeError(error: NodeJS.ErrnoException, where: string): Error {
  const what =
    error.code === "ECONNREFUSED"
      ? "refused the connection (is it running?)"
      : error.code === "ECONNRESET" || error.code === "EPIPE"
        ? `dropped the connection (${error.code})`
        : `could not be reached (${error.message})`;
  return new Error(`${where} ${what}`, { cause: error });
}

function connect({ host, port, timeoutMs }: ClamdOptions): Connection {
  const where = `clamd at ${host}:${port}`;
  const { promise, resolve } = Promise.withResolvers<Outcome>();
  // noDelay: the 4-byte end of a stream must not wait for an ACK of the data before it (Nagle).
  const socket = net.connect({ host, port, noDelay: true, timeout: timeoutMs });
  const conn: Connection = { socket, where, settled: promise, fail: (failure) => settle({ failure }) };
  function settle(outcome: Outcome) {
    conn.outcome ??= outcome;
    socket.destroy();
    resolve(conn.outcome);
  }
  const received: Buffer[] = [];
  let receivedBytes = 0;
  socket.on("data", (data: Buffer) => {
    const end = data.indexOf(0);
    received.push(end === -1 ? data : data.subarray(0, end));
    receivedBytes += data.length;
    if (end !== -1) settle({ answer: Buffer.concat(received).toString("utf8") });
    else if (receivedBytes > MAX_ANSWER_BYTES) conn.fail(new Error(`${where} sent ${receivedBytes} bytes without ending its answer`));
  });
  socket.on("timeout", () => conn.fail(new Error(socket.connecting ? `${where} did not accept the connection within ${timeoutMs} ms` : `${where} was silent for ${timeoutMs} ms`)));
  socket.on("error", (error) => conn.fail(describeError(error, where)));
  socket.on("close", () => conn.fail(new Error(`${where} closed the connection without an answer`)));
  return conn;
}

function answerOf(outcome: Outcome): string {
  if ("failure" in outcome) throw outcome.failure;
  return outcome.answer;
}

function throwIfFailed({ outcome }: Connection) {
  if (outcome && "failure" in outcome) throw outcome.failure;
}

/** Opens an INSTREAM scan: write the file's bytes in order, then finish. */
export async function openClamdScan(options: ClamdOptions): Promise<ClamdScan> {
  const conn = connect(options);
  const { socket } = conn;
  await Promise.race([new Promise((resolve) => socket.once("connect", resolve)), conn.settled]);
  throwIfFailed(conn);
  socket.write("zINSTREAM\0");

  return {
    async write(chunk) {
      // One turn of the event loop first. At its size limit clamd answers and closes with our data
      // unread, which resets the connection; a write that fails on the reset makes Node drop the
      // socket with the answer still unread. The turn reads an answer that is already there; one
      // that lands between the turn and the write is still lost (the scan fails with EPIPE).
      await nextTurn();
      throwIfFailed(conn);
      // Nothing more once clamd has answered; and a zero length would end the stream.
      if (conn.outcome || chunk.byteLength === 0) return;
      const header = Buffer.alloc(4);
      header.writeUInt32BE(chunk.byteLength);
      socket.cork();
      socket.write(header);
      const ready = socket.write(chunk);
      socket.uncork();
      if (ready) return;
      const drained = Promise.withResolvers<void>();
      socket.once("drain", drained.resolve);
      await Promise.race([drained.promise, conn.settled]);
      socket.off("drain", drained.resolve);
      throwIfFailed(conn);
    },

    async finish() {
      await nextTurn();
      if (!conn.outcome) socket.write(Buffer.alloc(4));
      const answer = answerOf(await conn.settled);
      const result = parseScanReply(answer);
      if (!result) throw new Error(`${conn.where} answered "${answer}"`);
      return result;
    },

    abort() {
      conn.fail(new Error(`${conn.where}: the scan was aborted`));
    },
  };
}

async function ask(options: ClamdOptions, command: string): Promise<string> {
  const conn = connect(options);
  conn.socket.write(`z${command}\0`);
  return answerOf(await conn.settled);
}

/** clamd's VERSION answer: "ClamAV 1.4.6", plus "/<daily version>/<date>" when an official daily database is loaded. */
export function clamdVersion(options: ClamdOptions): Promise<string> {
  return ask(options, "VERSION");
}

export async function pingClamd(options: ClamdOptions): Promise<void> {
  const answer = await ask(options, "PING");
  if (answer !== "PONG") throw new Error(`clamd at ${options.host}:${options.port} answered "${answer}" to PING`);
}

/**
 * A string that changes when clamd loads a different signature database. clamd reports nothing
 * about its database but the daily database's version inside VERSION: with only custom signature
 * files (.hdb, .ndb) VERSION stays "ClamAV 1.4.6" whatever they hold, and STATS does not change
 * either, so there the fingerprint changes only with clamd itself.
 */
export function signatureFingerprint(options: ClamdOptions): Promise<string> {
  return clamdVersion(options);
}
