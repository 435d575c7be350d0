"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { adminApi, type DailyStat, type StatsJson } from "@/lib/api-client/admin-api";
import { formatBytes } from "@/lib/format-bytes";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";
import { ScrollTable } from "../../ui/scroll-table";
import { REVIEW_LABEL, STATUS_LABEL } from "../labels";
import { DailyChart } from "./daily-chart";
import { ProcessingPanel } from "./processing-panel";

const count = new Intl.NumberFormat();
// `day` is a calendar date (UTC), not a moment: format it without moving it to another day.
const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
const dayLabel = (day: string) => dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));

function Counts({ title, counts, labels }: { title: string; counts: Record<string, number>; labels: Record<string, string> }) {
  const headingId = useId();
  return (
    <section className="card stat-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <dl className="stat-list">
        {Object.entries(counts).map(([state, value]) => (
          <div key={state}>
            <dt>{labels[state] ?? state}</dt>
            <dd>{count.format(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function DailyTable({ daily }: { daily: DailyStat[] }) {
  return (
    <details className="stat-details">
      <summary>The numbers of the last 30 days</summary>
      <ScrollTable label="Uploads per day, table" focusable caption="Uploads and bytes per day" columns={["Day", "Uploads", "Bytes"]} actions={false}>
        {daily.map((day) => (
          <tr key={day.day}>
            <th scope="row">{dayLabel(day.day)}</th>
            <td data-label="Uploads">{count.format(day.uploads)}</td>
            <td data-label="Bytes">{formatBytes(day.bytes)}</td>
          </tr>
        ))}
      </ScrollTable>
    </details>
  );
}

function TopUploaders({ users }: { users: StatsJson["topUploaders"] }) {
  if (!users.length) return <p className="muted">Nobody stores any files yet.</p>;
  return (
    <ScrollTable label="Top uploaders" focusable caption="The 10 users storing the most bytes" columns={["User", "Stored", "Files"]} actions={false}>
      {users.map((user) => (
        <tr key={user.id}>
          <th scope="row">
            {user.name} <span className="muted">{user.email}</span>
          </th>
          <td data-label="Stored">{formatBytes(user.bytes)}</td>
          <td data-label="Files">{count.format(user.files)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** While files wait for processing the numbers are read again every 5 s, so the admin sees the queue drain. */
function refetchWhileProcessing({ processing }: StatsJson): number | false {
  const waiting = processing.jobs.queued + processing.jobs.active + (processing.byState.QUEUED ?? 0) + (processing.byState.RUNNING ?? 0);
  return waiting > 0 ? 5_000 : false;
}

/** Totals, states, processing, unfinished multipart uploads, the last 30 days and the biggest users. */
export function StatsView() {
  const stats = useQuery({
    queryKey: ["admin", "stats"],
    queryFn: adminApi.stats,
    refetchInterval: (query) => (query.state.data ? refetchWhileProcessing(query.state.data) : false),
  });
  if (stats.isPending) return <p aria-busy="true">Loading statistics…</p>;
  if (stats.isError) return <ErrorMessage message={`The statistics could not be loaded: ${describeUploadError(stats.error)}`} />;
  const { bytes, objects, users, byStatus, byReview, incompleteMultipart, processing, daily, topUploaders } = stats.data;
  const totalUploads = daily.reduce((sum, day) => sum + day.uploads, 0);
  const busiest = Math.max(0, ...daily.map((day) => day.uploads));
  const multipart = `${count.format(incompleteMultipart.count)}${incompleteMultipart.more ? "+" : ""}`;
  return (
    <div className="stack">
      <dl className="stat-totals">
        <div className="card">
          <dt>Stored</dt>
          <dd>{formatBytes(bytes)}</dd>
        </div>
        <div className="card">
          <dt>Files</dt>
          <dd>{count.format(objects)}</dd>
        </div>
        <div className="card">
          <dt>Users</dt>
          <dd>{count.format(users)}</dd>
        </div>
        <div className="card">
          <dt>Unfinished multipart uploads</dt>
          <dd>
            {multipart}
            {incompleteMultipart.more && <span className="visually-hidden"> (more than that; only the first 1,000 are counted)</span>}
          </dd>
        </div>
      </dl>
      <ProcessingPanel processing={processing} />
      <div className="stat-grid">
        <Counts title="Uploads by status" counts={byStatus} labels={STATUS_LABEL} />
        <Counts title="Uploads by review" counts={byReview} labels={REVIEW_LABEL} />
      </div>
      <section aria-labelledby="daily-heading">
        <h2 id="daily-heading">Last 30 days</h2>
        <div className="stat-grid">
          <DailyChart
            title="Uploads per day"
            description={`Uploads started on each of the last 30 days: ${count.format(totalUploads)} in all, at most ${count.format(busiest)} in one day.`}
            points={daily.map((day) => ({ day: day.day, value: day.uploads }))}
            format={(value) => `${count.format(value)} uploads`}
            dayLabel={dayLabel}
          />
          <DailyChart
            title="Bytes uploaded per day"
            description={`Declared bytes of the uploads started on each of the last 30 days: ${formatBytes(daily.reduce((sum, day) => sum + day.bytes, 0))} in all.`}
            points={daily.map((day) => ({ day: day.day, value: day.bytes }))}
            format={formatBytes}
            dayLabel={dayLabel}
          />
        </div>
        <DailyTable daily={daily} />
      </section>
      <section aria-labelledby="top-heading">
        <h2 id="top-heading">Top uploaders</h2>
        <TopUploaders users={topUploaders} />
      </section>
    </div>
  );
}
