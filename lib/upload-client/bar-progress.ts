import { formatBytes } from "../format-bytes";
import type { TaskView } from "./upload-task";

export interface BarProgress {
  /** 0–100, whole. */
  percent: number;
  /** The same in words, for the row and for screen readers. */
  text: string;
}

/**
 * What a file's progress bar shows. Only a stored file is at 100 %: an empty file has no bytes
 * to count, so it is at 0 % until it is stored; a failed file shows the bytes storage
 * acknowledged (what a retry keeps), never a full bar, even when every byte arrived and the
 * check after them failed.
 */
export function barProgress(task: Pick<TaskView, "state" | "size" | "sent" | "confirmed">): BarProgress {
  if (task.state === "done") return { percent: 100, text: "100%" };
  if (task.state === "failed") {
    const percent = task.size ? Math.min(99, Math.floor((task.confirmed / task.size) * 100)) : 0;
    return { percent, text: task.size ? `${formatBytes(task.confirmed)} of ${formatBytes(task.size)} sent` : "Empty file, not stored" };
  }
  const percent = task.size ? Math.min(100, Math.floor((task.sent / task.size) * 100)) : 0;
  return { percent, text: `${percent}%` };
}
