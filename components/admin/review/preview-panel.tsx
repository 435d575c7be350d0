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
  onClose: () => void;
}

/** One file's details, its content when it can be shown, and the decision buttons. */
export function PreviewPanel({ upload, headingRef, onClose, ...decisions }: Props) {
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
      <UploadDetails upload={upload} />
      <PreviewContent upload={upload} />
      <DecisionButtons upload={upload} {...decisions} />
    </section>
  );
}
