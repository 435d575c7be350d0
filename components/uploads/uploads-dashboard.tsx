"use client";

import { UploadsTable } from "./uploads-table";
import { DropZone } from "./drop-zone";
import { UploadQueueList } from "./upload-queue-list";
import { useUploadEngine } from "./use-upload-engine";

export function UploadsDashboard() {
  const { engine, tasks } = useUploadEngine();
  return (
    <div className="stack">
      <DropZone onFiles={(entries) => void engine.add(entries)} />
      <UploadQueueList
        tasks={tasks}
        actions={{
          pause: (id) => engine.pause(id),
          resume: (id) => engine.resume(id),
          cancel: (id) => void engine.cancel(id),
          dismiss: (id) => engine.dismiss(id),
        }}
      />
      <h2>Your files</h2>
      <UploadsTable />
    </div>
  );
}
