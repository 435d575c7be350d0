import Link from "next/link";
import type { DeadJob } from "@/lib/api-client/admin-api";
import { ScrollTable } from "../../ui/scroll-table";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The newest processing jobs that failed every attempt: which file, why, when; each file opens in the review pane. */
export function DeadJobs({ jobs }: { jobs: DeadJob[] }) {
  if (!jobs.length) return <p className="muted">No processing job has failed for good.</p>;
  return (
    <ScrollTable label="Failed processing jobs" focusable caption="The newest processing jobs that failed every attempt" columns={["File", "Error", "Failed"]} actions={false}>
      {jobs.map((job) => (
        <tr key={job.id}>
          <th scope="row" className="dead-job__file">
            {job.uploadId ? <Link href={`/admin/review?upload=${encodeURIComponent(job.uploadId)}`}>{job.uploadId}</Link> : <span className="muted">unknown</span>}
          </th>
          <td data-label="Error" className="dead-job__error">
            {job.error ?? <span className="muted">no error was kept</span>}
          </td>
          <td data-label="Failed">{job.failedAt ? <time dateTime={job.failedAt}>{dateFormat.format(new Date(job.failedAt))}</time> : "—"}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
