"use client";

import { formatBytes } from "@/lib/format-bytes";
import { ErrorMessage } from "../ui/error-message";
import type { QueueItem } from "./use-upload-queue";

const STATE_LABEL: Record<QueueItem["state"], string> = {
  queued: "Waiting",
  preparing: "Preparing",
  uploading: "Uploading",
  verifying: "Verifying",
  done: "Uploaded",
  failed: "Failed",
  cancelled: "Cancelled",
};

interface Props {
  items: QueueItem[];
  onCancel: (key: string) => void;
  onRetry: (key: string) => void;
  onDismiss: (key: string) => void;
}

/** One row per file: progress bar, percentage, speed, state, and what went wrong in words. */
export function UploadQueueList({ items, onCancel, onRetry, onDismiss }: Props) {
  if (!items.length) return null;
  const done = items.filter((item) => item.state === "done").length;
  const failed = items.filter((item) => item.state === "failed").length;
  return (
    <>
      <p role="status" className="visually-hidden">
        {`${done} of ${items.length} files uploaded${failed ? `, ${failed} failed` : ""}`}
      </p>
      <ul className="queue" aria-label="Uploads in progress">
        {items.map((item) => {
          const percent = item.file.size ? Math.floor((item.loaded / item.file.size) * 100) : 100;
          const active = ["preparing", "uploading", "verifying"].includes(item.state);
          return (
            <li key={item.key} className={`queue__item queue__item--${item.state}`}>
              <div className="queue__head">
                <span className="queue__name" title={item.file.name}>
                  {item.file.name}
                </span>
                <span className="muted">{formatBytes(item.file.size)}</span>
              </div>
              <progress max={100} value={percent} aria-label={`Upload progress for ${item.file.name}`} aria-valuetext={`${percent}%`} />
              <div className="queue__meta">
                <span data-testid="upload-state">{STATE_LABEL[item.state]}</span>
                <span data-testid="upload-percent">{percent}%</span>
                {item.state === "uploading" && item.speed > 0 && <span>{formatBytes(item.speed)}/s</span>}
                <span className="queue__actions">
                  {active && (
                    <button type="button" className="link-button" onClick={() => onCancel(item.key)} aria-label={`Cancel upload of ${item.file.name}`}>
                      Cancel
                    </button>
                  )}
                  {(item.state === "failed" || item.state === "cancelled") && (
                    <button type="button" className="link-button" onClick={() => onRetry(item.key)} aria-label={`Retry upload of ${item.file.name}`}>
                      Retry
                    </button>
                  )}
                  {!active && item.state !== "queued" && (
                    <button type="button" className="link-button" onClick={() => onDismiss(item.key)} aria-label={`Dismiss ${item.file.name}`}>
                      Dismiss
                    </button>
                  )}
                </span>
              </div>
              {item.state !== "cancelled" && <ErrorMessage message={item.error ?? null} />}
            </li>
          );
        })}
      </ul>
    </>
  );
}
