import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clamdVersion, openClamdScan, pingClamd, signatureFingerprint, type ClamdOptions } from "@/lib/processing/clamd-client";
import { must } from "../support/must";
import { cleanBytes, eicarBytes, markerBytes, SCAN_MARKER } from "../support/scan-samples";

// The clamd that scripts/run-tests.sh started for this run (scripts/clamd.sh), with our signatures
// (clamd adds ".UNOFFICIAL" to the names of signatures that are not from its official databases).
const clamd: ClamdOptions = { host: must(process.env.CLAMD_HOST, "CLAMD_HOST (scripts/run-tests.sh sets it)"), port: Number(process.env.CLAMD_PORT), timeoutMs: 30_000 };
const KIB = 1024;
const MIB = 1024 * KIB;
const freePort = () => Number(execFileSync("bash", ["scripts/free-port.sh"], { encoding: "utf8" }));

async function scan(options: ClamdOptions, bytes: Buffer, chunkSize = 64 * KIB) {
  const stream = await openClamdScan(options);
  for (let offset = 0; offset < bytes.length; offset += chunkSize) await stream.write(bytes.subarray(offset, offset + chunkSize));
  return stream.finish();
}

describe("clamd client against a real clamd", () => {
  it("finds the EICAR test file by its signature's name", async () => {
    expect(await scan(clamd, eicarBytes())).toEqual({ verdict: "infected", signature: "Slipway.Test.EICAR.UNOFFICIAL" });
  });

  it("finds the marker inside a file sent in small chunks", async () => {
    expect(await scan(clamd, markerBytes(256 * KIB), 4 * KIB)).toEqual({ verdict: "infected", signature: "Slipway.Test.Marker.UNOFFICIAL" });
  });

  it("passes a clean 64 MiB stream sent in 64 KiB chunks", async () => {
    const stream = await openClamdScan(clamd);
    for (let sent = 0; sent < 64 * MIB; sent += 64 * KIB) await stream.write(cleanBytes(64 * KIB));
    expect(await stream.finish()).toEqual({ verdict: "clean" });
  });

  it("answers VERSION and PING; the fingerprint is the VERSION answer", async () => {
    const version = await clamdVersion(clamd);
    expect(version).toMatch(/^ClamAV \d+\.\d+\.\d+/);
    await expect(pingClamd(clamd)).resolves.toBeUndefined();
    expect(await signatureFingerprint(clamd)).toBe(version);
  });

  it("fails at once, saying so, when nothing listens on the port", async () => {
    const nobody = { host: "127.0.0.1", port: freePort(), timeoutMs: 30_000 };
    const started = Date.now();
    await expect(openClamdScan(nobody)).rejects.toThrow(`clamd at 127.0.0.1:${nobody.port} refused the connection`);
    await expect(clamdVersion(nobody)).rejects.toThrow("refused the connection");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("gives up on a clamd that stays silent", async () => {
    // Accepts, reads, never answers: what a hung clamd looks like from outside.
    const silent = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const stream = await openClamdScan({ host: "127.0.0.1", port, timeoutMs: 300 });
      await stream.write(cleanBytes(KIB));
      await expect(stream.finish()).rejects.toThrow(`clamd at 127.0.0.1:${port} was silent for 300 ms`);
      await expect(pingClamd({ host: "127.0.0.1", port, timeoutMs: 300 })).rejects.toThrow("was silent for 300 ms");
    } finally {
      silent.close();
    }
  });
});

describe("clamd with a 1 MiB limit (scripts/clamd.sh with CLAMD_MAX_BYTES)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-clamd-"));
  const small: ClamdOptions = { host: "127.0.0.1", port: freePort(), timeoutMs: 30_000 };
  const script = (command: string) =>
    execFileSync("bash", ["scripts/clamd.sh", command], {
      env: { ...process.env, SLIPWAY_DATA_DIR: dataDir, CLAMD_PORT: String(small.port), CLAMD_MAX_BYTES: String(MIB) },
      stdio: "pipe",
    });

  beforeAll(() => void script("start"));
  afterAll(() => {
    script("stop");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("scans a stream of exactly the limit whole", async () => {
    expect(await scan(small, cleanBytes(MIB))).toEqual({ verdict: "clean" });
    const markerInTheLastBytes = Buffer.concat([cleanBytes(MIB - SCAN_MARKER.length), markerBytes(SCAN_MARKER.length)]);
    expect(await scan(small, markerInTheLastBytes)).toEqual({ verdict: "infected", signature: "Slipway.Test.Marker.UNOFFICIAL" });
  });

  it("reports a stream over the limit as too large to scan", async () => {
    expect(await scan(small, cleanBytes(MIB + 64 * KIB))).toEqual({ verdict: "too_large_to_scan", reason: "INSTREAM size limit exceeded" });
  });

  // Far over the limit, clamd answers and resets the connection while our bytes are unread; when
  // the reset reaches Node before the answer is read, the answer is lost (Linux drops unread data
  // on a reset): a few percent of such streams, more on a busy machine. Either way the scan must
  // end promptly and never as clean. The worker never sends a file over SCAN_MAX_BYTES.
  it("ends a stream far over the limit as too large or as a dropped connection, never clean, never hanging", async () => {
    const stream = await openClamdScan(small);
    const outcome = async () => {
      await stream.write(cleanBytes(MIB + 64 * KIB));
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (let sent = 0; sent < 4 * MIB; sent += 64 * KIB) await stream.write(cleanBytes(64 * KIB));
      return stream.finish();
    };
    const result = await outcome().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (typeof result === "string") expect(result).toMatch(/^clamd at 127\.0\.0\.1:\d+ dropped the connection \((EPIPE|ECONNRESET)\)$/);
    else expect(result).toEqual({ verdict: "too_large_to_scan", reason: "INSTREAM size limit exceeded" });
  });
});
