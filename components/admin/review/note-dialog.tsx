"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { ErrorMessage } from "../../ui/error-message";

export const MAX_NOTE = 1000;

interface Props {
  /** What is being rejected: "photo.png" or "3 files". */
  subject: string;
  onSubmit: (note: string) => void;
  onCancel: () => void;
}

/**
 * The note a rejection needs (its owner reads it). Enter rejects, Shift+Enter starts a new line,
 * Escape cancels; focus returns to where it was, as with every modal dialog. The note is checked
 * here rather than with `required`, so that the reason shows in the page's own words.
 */
export function NoteDialog({ subject, onSubmit, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  // Closing (rather than unmounting) the dialog is what gives focus back; the close event then says why.
  const submitted = useRef<string | null>(null);
  const noteId = useId();
  const hintId = useId();

  // As in ShareDialog: no close() on cleanup (StrictMode's extra cleanup would close it at once).
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = note.trim();
    if (!text) return setProblem("Write a note: the owner sees it with the rejection.");
    submitted.current = text;
    dialog.current?.close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="note-title" onClose={() => (submitted.current === null ? onCancel() : onSubmit(submitted.current))}>
      <form ref={form} className="stack" onSubmit={submit}>
        <h2 id="note-title">Reject {subject}</h2>
        <label className="field" htmlFor={noteId}>
          Note for the owner (required)
          <textarea
            id={noteId}
            autoFocus
            aria-required="true"
            rows={4}
            maxLength={MAX_NOTE}
            value={note}
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <span id={hintId} className="muted">
            Enter rejects, Shift+Enter starts a new line, Escape cancels. At most {MAX_NOTE} characters.
          </span>
        </label>
        <ErrorMessage message={problem} />
        <div className="button-row">
          <button type="submit" className="button button--danger">
            Reject
          </button>
          <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
