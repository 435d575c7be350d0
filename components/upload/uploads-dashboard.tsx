"use client";

import { UploadsTable } from "../uploads/uploads-table";
import { DropZone } from "./drop-zone";
import { UploadQueueList } from "./upload-queue-list";
import { useUploadQueue } from "./use-upload-queue";

export function UploadsDashboard() {
  const queue = useUploadQueue();
  return (
    <div className="stack">
      <DropZone onFiles={queue.add} />
      <UploadQueueList items={queue.items} onCancel={queue.cancel} onRetry={queue.retry} onDismiss={queue.dismiss} />
      <h2>Your files</h2>
      <UploadsTable />
    </div>
  );
}
