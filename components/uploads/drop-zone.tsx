"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import { filesFromPicker, MAX_FILES_PER_DROP, readDroppedFiles } from "@/lib/upload-client/read-dropped-files";
import type { FileEntry } from "@/lib/upload-client/upload-engine";
import { ErrorMessage } from "../ui/error-message";

interface Props {
  onFiles: (entries: FileEntry[]) => void;
  /** What may be dropped, in words (the default says: anything, any size). */
  hint?: string;
  /** Content types the file picker offers (the input's `accept`); the server decides in the end. */
  accept?: string;
  /** Why nothing can be taken yet (a required field is empty), checked before each drop or pick; null: go ahead. */
  check?: () => string | null;
}

const ANYTHING = "Any size, several at once. They go straight to storage; you can pause and resume.";

/** Takes files and folders by drag-and-drop, or by keyboard-operable file and folder pickers. */
export function DropZone({ onFiles, hint = ANYTHING, accept, check }: Props) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const hintId = useId();

  function take({ entries, truncated }: { entries: FileEntry[]; truncated: boolean }) {
    const refusal = check?.() ?? null;
    if (refusal) return setNotice(refusal);
    setNotice(truncated ? `Only the first ${MAX_FILES_PER_DROP.toLocaleString()} files were added. Drop the rest separately.` : null);
    if (entries.length) onFiles(entries);
  }

  async function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    take(await readDroppedFiles(event.dataTransfer));
  }

  return (
    <section
      aria-label="Upload files"
      className={`drop-zone${over ? " drop-zone--over" : ""}`}
      onDragEnter={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <p className="drop-zone__title">Drop files or folders here</p>
      <p id={hintId} className="muted">
        {hint}
      </p>
      <div className="drop-zone__buttons">
        <button type="button" className="button" aria-describedby={hintId} onClick={() => filesInput.current?.click()}>
          Choose files…
        </button>
        <button type="button" className="button button--secondary" onClick={() => folderInput.current?.click()}>
          Choose a folder…
        </button>
      </div>
      <ErrorMessage message={notice} />
      <input
        ref={filesInput}
        type="file"
        multiple
        hidden
        accept={accept}
        aria-label="Choose files to upload"
        onChange={(event) => {
          take(filesFromPicker(event.currentTarget.files ?? []));
          event.currentTarget.value = ""; // choosing the same file again must fire change again
        }}
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        aria-label="Choose a folder to upload"
        {...{ webkitdirectory: "" }}
        onChange={(event) => {
          take(filesFromPicker(event.currentTarget.files ?? []));
          event.currentTarget.value = "";
        }}
      />
    </section>
  );
}
