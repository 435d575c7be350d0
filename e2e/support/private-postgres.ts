import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Debian's newest installed PostgreSQL (the one scripts/ensure-postgres.sh sets up).
const BIN = `/usr/lib/postgresql/${readdirSync("/usr/lib/postgresql")
  .sort((a, b) => Number(a) - Number(b))
  .at(-1)}/bin`;

/**
 * A PostgreSQL cluster of its own (initdb into a temp dir, its own port, trust auth), so a test
 * can stop and restart it: the machine's shared server is never touched. PostgreSQL refuses to
 * run as root, so as root its commands run as the postgres user.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(path.join(tmpdir(), "slipway-private-pg-"));
  readonly url: string;

  constructor(readonly port: number) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  }

  private run(tool: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", `${BIN}/${tool}`, ...args]] : [`${BIN}/${tool}`, args];
    execFileSync(file, argv, { stdio: "pipe", timeout: 60_000 });
  }

  init(): void {
    if (process.getuid?.() === 0) chownSync(this.dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
    this.run("initdb", ["-D", path.join(this.dir, "data"), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  }

  /** Starts the server and waits until it accepts connections. */
  start(): void {
    // Socket in the temp dir (not /var/run/postgresql), TCP on loopback only; fsync off: test data.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-l", path.join(this.dir, "log"), "-o", options, "-w", "start"]);
  }

  /** Fast shutdown: every open connection is terminated, as in a restart or failover. */
  stop(): void {
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "fast", "-w", "stop"]);
  }

  /** Stops the server if it runs (no need to be gentle: its data is thrown away) and removes its files. */
  destroy(): void {
    try {
      this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "immediate", "-w", "stop"]);
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
