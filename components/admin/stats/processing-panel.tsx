import type { ProcessingState } from "@/lib/generated/prisma/enums";
import type { ProcessingStatsJson } from "@/lib/api-client/admin-api";
import { DeadJobs } from "./dead-jobs";
import { RescanAllButton } from "./rescan-all-button";

const count = new Intl.NumberFormat();

/** The states the stats count (clean files are not counted), in the order an admin reads them. */
const WATCHED: Array<[ProcessingState, string]> = [
  ["QUEUED", "Waiting to be checked"],
  ["RUNNING", "Being checked"],
  ["INFECTED", "Virus found"],
  ["FAILED", "Could not be scanned"],
  ["TOO_LARGE_TO_SCAN", "Too large to scan"],
  ["OFF", "Not scanned (scanning was off)"],
];

/** Whether files are scanned, said so that "off" and "down" cannot be missed. */
function ScannerState({ scanner }: { scanner: ProcessingStatsJson["scanner"] }) {
  if (scanner === "ok") return <p className="success-text">Virus scanner: working (clamd answers).</p>;
  if (scanner === "down")
    return (
      <p className="alert alert--danger">
        <strong>Virus scanner down: clamd does not answer.</strong> New files wait unscanned and cannot be shared until it is back.
      </p>
    );
  return (
    <p className="alert alert--warn">
      <strong>Files are not scanned for viruses: no clamd configured.</strong> Set <code>CLAMD_HOST</code> to scan them; until then files are shared unscanned.
    </p>
  );
}

/** Processing at a glance: the scanner, files per state, the job queue, its dead jobs, and a re-scan of everything. */
export function ProcessingPanel({ processing }: { processing: ProcessingStatsJson }) {
  const { scanner, byState, jobs, deadJobs } = processing;
  return (
    <section className="card stat-card stack" aria-labelledby="processing-heading">
      <h2 id="processing-heading">Processing</h2>
      <ScannerState scanner={scanner} />
      <div className="stat-grid">
        <div>
          <h3>Files by state</h3>
          <dl className="stat-list">
            {WATCHED.map(([state, label]) => (
              <div key={state}>
                <dt>{label}</dt>
                <dd>{count.format(byState[state] ?? 0)}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">Clean files are not counted.</p>
        </div>
        <div>
          <h3>Jobs</h3>
          <dl className="stat-list">
            <div>
              <dt>Queued</dt>
              <dd>{count.format(jobs.queued)}</dd>
            </div>
            <div>
              <dt>Running</dt>
              <dd>{count.format(jobs.active)}</dd>
            </div>
            <div>
              <dt>Failed</dt>
              <dd>{count.format(jobs.failed)}</dd>
            </div>
          </dl>
        </div>
      </div>
      <DeadJobs jobs={deadJobs} />
      <RescanAllButton />
    </section>
  );
}
