"use client";

import { DropZone } from "./drop-zone";
import { UploadQueueList } from "./upload-queue-list";
import { useUploadEngine, type UploadTarget } from "./use-upload-engine";

interface Props {
  /** Where the files go; the signed-in user's own uploads when left out. */
  target?: () => UploadTarget;
  hint?: string;
  accept?: string;
  check?: () => string | null;
}

/** The drop zone and the queue under it: progress, pause, resume, retry and resume after a reload. */
export function UploadPanel({ target, ...dropZone }: Props) {
  const { engine, tasks } = useUploadEngine(target);
  return (
    <>
      <DropZone {...dropZone} onFiles={(entries) => void engine.add(entries)} />
      <UploadQueueList
        tasks={tasks}
        actions={{
          pause: (id) => engine.pause(id),
          resume: (id) => engine.resume(id),
          cancel: (id) => void engine.cancel(id),
          dismiss: (id) => engine.dismiss(id),
        }}
      />
    </>
  );
}
