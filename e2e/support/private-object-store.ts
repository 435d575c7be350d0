import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * An object store of its own (scripts/object-store.sh: ceph-mon, ceph-osd, radosgw, in a temp
 * data dir, on its own ports), so a test can kill its gateway without touching the run's store.
 */
export class PrivateObjectStore {
  readonly dataDir = mkdtempSync("/var/tmp/slipway-private-store-");
  readonly endpoint: string;

  constructor(
    readonly s3Port: number,
    private readonly monPort: number,
  ) {
    this.endpoint = `http://127.0.0.1:${s3Port}`;
  }

  /** Creates the cluster and starts it; resolves once S3 answers. */
  async start(): Promise<void> {
    const env = { ...process.env, SLIPWAY_DATA_DIR: this.dataDir, S3_PORT: String(this.s3Port), CEPH_MON_PORT: String(this.monPort) };
    await run("bash", ["scripts/object-store.sh", "start"], { env, timeout: 180_000 });
  }

  /** SIGKILL to radosgw, as a crash would: the cluster behind it keeps running. */
  killGateway(): void {
    const pid = Number(readFileSync(path.join(this.dataDir, "ceph/run/client.rgw.slipway.pid"), "utf8"));
    process.kill(pid, "SIGKILL");
  }

  /**
   * Starts radosgw again as object-store.sh does (it forks into the background) and waits until
   * S3 answers: ~1 s, where the script's start would first look for every daemon in /proc.
   */
  async startGateway(timeoutMs = 60_000): Promise<void> {
    await run("radosgw", ["-c", path.join(this.dataDir, "ceph/ceph.conf"), "-n", "client.rgw.slipway"], { timeout: timeoutMs });
    const deadline = Date.now() + timeoutMs;
    const answers = () =>
      fetch(this.endpoint).then(
        (response) => response.ok,
        () => false,
      );
    while (!(await answers())) {
      if (Date.now() > deadline) throw new Error(`radosgw did not answer on ${this.endpoint} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * SIGKILL to its daemons (by their pid files: the script's stop first looks for them in /proc
   * and waits on SIGTERM, seconds for nothing since the data is thrown away), then removes it.
   */
  destroy(): void {
    const pids = path.join(this.dataDir, "ceph/run");
    for (const name of existsSync(pids) ? readdirSync(pids).filter((file) => file.endsWith(".pid")) : []) {
      try {
        process.kill(Number(readFileSync(path.join(pids, name), "utf8")), "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
