"use client";

import type { Ref } from "react";
import type { AdminUploadJson } from "@/lib/api-client/admin-api";
import { DecisionButtons, type DecisionHandlers } from "./decision-buttons";
import { PreviewContent } from "./preview-content";
import { UploadDetails } from "./upload-details";

interface Props extends DecisionHandlers {
  upload: AdminUploadJson;
  /** The heading takes focus when the preview opens. */
  headingRef: Ref<HTMLHeadingElement>;
  /** Why the last decision or re-scan of this file was refused (the live region has announced it already). */
  problem: string | null;
  rescanning: boolean;
  onRescan: (upload: AdminUploadJson) => void;
  onClose: () => void;
}

/** One file's details, its content when it can be shown, and the decision buttons. */
export function PreviewPanel({ upload, headingRef, problem, rescanning, onRescan, onClose, ...decisions }: Props) {
  const signature = upload.processing?.state === "infected" ? (upload.processing.scan.signature ?? "unnamed") : null;
  return (
    <section className="card preview" aria-labelledby="preview-title">
      <div className="dialog__head">
        <h2 id="preview-title" ref={headingRef} tabIndex={-1}>
          Preview: {upload.name}
        </h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close preview
        </button>
      </div>
      {signature && (
        <p className="alert alert--danger">
          <strong>Virus found: {signature}.</strong> The file is quarantined: its owner cannot download it and no link serves it. Reject it to take it off the top of the queue.
        </p>
      )}
      <UploadDetails upload={upload} />
      {upload.processing && (
        <button type="button" className="button button--secondary" disabled={rescanning} onClick={() => onRescan(upload)}>
          Scan again
        </button>
      )}
      <PreviewContent upload={upload} />
      {problem && <p className="error-text">{problem}</p>}
      <DecisionButtons upload={upload} {...decisions} />
    </section>
  );
}
