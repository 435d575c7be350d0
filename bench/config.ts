// Everything the benchmark reads from the environment, in one place. bench/run.sh sets the
// infrastructure variables (ports, dirs); the sizes and repetitions are for whoever runs it.

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

function list(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  return raw.split(",").map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a comma-separated list of positive integers, not "${raw}"`);
    return value;
  });
}

/** "1000:2048,100:256" → [{ mbits: 1000, mib: 2048 }, { mbits: 100, mib: 256 }]. */
function uplinks(name: string, fallback: string): Array<{ mbits: number; mib: number }> {
  const raw = process.env[name] || fallback;
  return raw.split(",").map((pair) => {
    const [mbits, mib] = pair.split(":").map((part) => Number(part.trim()));
    if (!(Number.isInteger(mbits) && mbits > 0 && Number.isInteger(mib) && mib > 0)) {
      throw new Error(`${name} must be a comma-separated list of <Mbit/s>:<MiB> pairs of positive integers, e.g. "1000:2048,100:256", not "${raw}"`);
    }
    return { mbits, mib };
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the benchmark through bench/run.sh`);
  return value;
}

export const MiB = 1024 ** 2;

export const config = {
  /** Size of the file in the throughput measurements (a, b and the concurrency sweep). */
  mib: int("BENCH_MIB", 1024),
  /** Size of the upload the server's memory is watched across (d). */
  rssMib: int("BENCH_RSS_MIB", 2048),
  /** Each measurement is repeated this many times; the median is reported. */
  runs: int("BENCH_RUNS", 1),
  /** In-flight requests the browser engine is tried with (6 is its default). */
  concurrencies: list("BENCH_CONCURRENCIES", [4, 6, 8]),
  /** (c): timed POST /parts calls, after the warm-up ones. */
  signCalls: int("BENCH_SIGN_CALLS", 200),
  signWarmup: int("BENCH_SIGN_WARMUP", 20),
  /** (e): connections and seconds of the share-link redirect load (and of its baseline). */
  linkConnections: int("BENCH_LINK_CONNECTIONS", 100),
  linkSeconds: int("BENCH_LINK_SECONDS", 10),
  /** (e): seconds of the redirect at one connection (service time without queueing). */
  linkServiceSeconds: int("BENCH_LINK_SERVICE_SECONDS", 3),
  /**
   * BENCH_SUITE=uplink: the emulated uplinks (Mbit/s, 10^6 bits) and the file size at each, so
   * that one upload takes ~20 s at line rate.
   */
  uplinks: uplinks("BENCH_UPLINKS", "1000:2048,100:256"),
  /** BENCH_SUITE=uplink: latency Chromium adds to every request (ms, 0 for none). */
  uplinkLatencyMs: process.env.BENCH_UPLINK_LATENCY_MS === "0" ? 0 : int("BENCH_UPLINK_LATENCY_MS", 20),
  /** Where the results go as JSON. */
  output: process.env.BENCH_OUTPUT || "bench/results.json",

  // Set by bench/run.sh.
  appUrl: required("APP_URL"),
  appPort: Number(required("PORT")),
  storeDir: required("BENCH_STORE_DIR"),
  /** The admin the app was started with, who approves the bench's shared file. */
  admin: { email: required("ADMIN_EMAIL"), password: required("ADMIN_PASSWORD") },
  bucket: required("S3_BUCKET"),
  /** Part size the app was started with (MULTIPART_PART_BYTES), for the report. */
  partBytes: int("MULTIPART_PART_BYTES", 16 * MiB),
};

/** The browser engine's own default, which `?concurrency=` overrides. */
export const DEFAULT_CONCURRENCY = 6;
