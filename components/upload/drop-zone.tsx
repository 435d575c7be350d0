"use client";

import { useId, useRef, useState, type DragEvent } from "react";

interface Props {
  onFiles: (files: File[]) => void;
}

/** Takes files by drag-and-drop or by the keyboard-operable file picker. */
export function DropZone({ onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();

  function accept(list: FileList | null) {
    const files = Array.from(list ?? []);
    if (files.length) onFiles(files);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    accept(event.dataTransfer.files);
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
      <p className="drop-zone__title">Drop files here</p>
      <p id={hintId} className="muted">
        Several at once is fine. They go straight to storage.
      </p>
      <button type="button" className="button" aria-describedby={hintId} onClick={() => input.current?.click()}>
        Choose files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Choose files to upload"
        onChange={(event) => {
          accept(event.currentTarget.files);
          event.currentTarget.value = ""; // choosing the same file again must fire change again
        }}
      />
    </section>
  );
}
