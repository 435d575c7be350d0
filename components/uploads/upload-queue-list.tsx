"use client";

import { formatBytes } from "@/lib/format-bytes";
import { formatDuration } from "@/lib/format-duration";
import { barProgress } from "@/lib/upload-client/bar-progress";
import type { TaskState, TaskView } from "@/lib/upload-client/upload-task";
import { ErrorMessage } from "../ui/error-message";

const STATE_LABEL: Record<TaskState, string> = {
  queued: "Waiting",
  preparing: "Preparing",
  uploading: "Uploading",
  paused: "Paused",
  interrupted: "Paused — drop the file again to resume",
  verifying: "Verifying",
  done: "Uploaded",
  failed: "Failed",
  cancelled: "Cancelled",
};

export interface QueueActions {
  pause: (id: string) => void;
  resume: (id: string) => void;
  cancel: (id: string) => void;
  dismiss: (id: string) => void;
}

function ActionButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button type="button" className="link-button" onClick={onClick} aria-label={`${label} ${name}`}>
      {label}
    </button>
  );
}

/** One row per file: progress bar, percentage, speed, time left, state, and errors in words. */
export function UploadQueueList({ tasks, actions }: { tasks: TaskView[]; actions: QueueActions }) {
  if (!tasks.length) return null;
  const done = tasks.filter((task) => task.state === "done").length;
  const failed = tasks.filter((task) => task.state === "failed").length;
  return (
    <>
      <p role="status" className="visually-hidden">
        {`${done} of ${tasks.length} files uploaded${failed ? `, ${failed} failed` : ""}`}
      </p>
      <ul className="queue" aria-label="Uploads in progress">
        {tasks.map((task) => {
          const name = task.folder ? `${task.folder}/${task.name}` : task.name;
          const { percent, text } = barProgress(task);
          const running = task.state === "preparing" || task.state === "uploading" || task.state === "verifying";
          return (
            <li key={task.id} className={`queue__item queue__item--${task.state}`} data-upload-id={task.uploadId}>
              <div className="queue__head">
                <span className="queue__name" title={name}>
                  {name}
                </span>
                <span className="muted">{formatBytes(task.size)}</span>
              </div>
              <progress max={100} value={percent} aria-label={`Upload progress for ${name}`} aria-valuetext={text} />
              <div className="queue__meta">
                <span data-testid="upload-state">{STATE_LABEL[task.state]}</span>
                <span data-testid="upload-percent">{text}</span>
                {task.state === "uploading" && task.speed > 0 && <span>{formatBytes(task.speed)}/s</span>}
                {task.state === "uploading" && task.eta !== null && task.eta > 0 && <span>{formatDuration(task.eta)} left</span>}
                <span className="queue__actions">
                  {running && <ActionButton label="Pause" name={name} onClick={() => actions.pause(task.id)} />}
                  {(task.state === "paused" || task.state === "failed") && <ActionButton label="Resume" name={name} onClick={() => actions.resume(task.id)} />}
                  {task.state !== "done" && task.state !== "cancelled" && <ActionButton label="Cancel" name={name} onClick={() => actions.cancel(task.id)} />}
                  {(task.state === "done" || task.state === "cancelled") && <ActionButton label="Dismiss" name={name} onClick={() => actions.dismiss(task.id)} />}
                </span>
              </div>
              <ErrorMessage message={task.state === "failed" ? (task.error ?? null) : (task.notice ?? null)} />
            </li>
          );
        })}
      </ul>
    </>
  );
}
