// Imported right after use-clamd by a test file that changes clamd's signature database: starts a
// clamd of its own (scripts/clamd.sh, in a temp data dir, on a free port, with a copy of
// scanner/signatures/) and points lib/env at it before lib/env is loaded, so the run's shared
// clamd, which other files scan with at the same time, never changes. Stopped after the file.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "slipway-private-clamd-"));
const signatures = path.join(dataDir, "signatures");
const port = execFileSync("bash", ["scripts/free-port.sh"], { encoding: "utf8" }).trim();

function clamdScript(command: "start" | "reload" | "stop") {
  execFileSync("bash", ["scripts/clamd.sh", command], { env: { ...process.env, SLIPWAY_DATA_DIR: dataDir, CLAMD_PORT: port, CLAMD_SIGNATURES: signatures }, stdio: "pipe" });
}

cpSync("scanner/signatures", signatures, { recursive: true });
try {
  clamdScript("start");
} catch (error) {
  rmSync(dataDir, { recursive: true, force: true });
  throw error;
}
process.env.CLAMD_HOST = "127.0.0.1";
process.env.CLAMD_PORT = port;

afterAll(() => {
  clamdScript("stop");
  rmSync(dataDir, { recursive: true, force: true });
});

const versionFile = path.join(signatures, "VERSION");

/** The version of the database the private clamd has loaded (VERSION's middle field). */
export function signaturesVersion(): number {
  return Number(readFileSync(versionFile, "utf8").split(" ")[0]);
}

/**
 * What freshclam does to a production clamd: a new daily database, one version up, with the
 * signature file `name` (`.ndb` or `.hdb` lines) added. Returns the new version once clamd scans with it.
 */
export function addSignatures(name: string, lines: string[]): number {
  const version = signaturesVersion() + 1;
  writeFileSync(path.join(signatures, name), `${lines.join("\n")}\n`);
  writeFileSync(versionFile, `${version} ${new Date().toISOString().slice(0, 10)}\n`);
  clamdScript("reload");
  return version;
}
