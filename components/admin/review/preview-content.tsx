"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi, type AdminUploadJson } from "@/lib/api-client/admin-api";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";
import { previewKind, type PreviewKind } from "./preview-kind";

const LOAD_FAILED = "The preview could not be loaded: the file may have been removed, or the link to it expired. Close the preview and open it again.";

function TextPreview({ upload }: { upload: AdminUploadJson }) {
  const text = useQuery({ queryKey: ["admin", "text", upload.id], queryFn: () => adminApi.readText(upload.id) });
  if (text.isPending) return <p aria-busy="true">Loading the text…</p>;
  if (text.isError) return <ErrorMessage message={`The text could not be loaded: ${describeUploadError(text.error)}`} />;
  return (
    <>
      {/* A text child: whatever the file holds is shown as characters, never parsed as HTML. */}
      <pre className="preview__text" tabIndex={0} aria-label={`Text of ${upload.name}`}>
        {text.data.text}
      </pre>
      {text.data.truncated && <p className="muted">Only the first 64 KiB are shown.</p>}
    </>
  );
}

/**
 * Images and videos start blurred, so that an admin is not shown something harmful without
 * choosing to look; Reveal takes the blur away.
 */
function BlurredMedia({ src, label, kind }: { src: string; label: string; kind: "image" | "video" }) {
  const [revealed, setRevealed] = useState(false);
  const [failed, setFailed] = useState(false);
  const className = `preview__media${revealed ? "" : " preview__media--blurred"}`;
  if (failed) return <ErrorMessage message={LOAD_FAILED} />;
  return (
    <>
      <div className="preview__frame">
        {kind === "image" ? (
          // eslint-disable-next-line @next/next/no-img-element -- a presigned, short-lived URL: next/image cannot optimise it
          <img className={className} src={src} alt={label} onError={() => setFailed(true)} />
        ) : (
          <video className={className} src={src} controls preload="metadata" aria-label={label} onError={() => setFailed(true)} />
        )}
      </div>
      <button type="button" className="button button--secondary" aria-pressed={revealed} onClick={() => setRevealed((value) => !value)}>
        {revealed ? `Blur the ${kind} again` : `Reveal the ${kind}`}
      </button>
    </>
  );
}

function AudioPreview({ upload }: { upload: AdminUploadJson }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <ErrorMessage message={LOAD_FAILED} />;
  return <audio src={adminApi.previewUrl(upload.id)} controls preload="metadata" aria-label={`Preview of ${upload.name}`} onError={() => setFailed(true)} />;
}

/** The file itself, as far as its declared type lets the browser show it. */
function ContentOfKind({ upload, kind }: { upload: AdminUploadJson; kind: PreviewKind }) {
  const src = adminApi.previewUrl(upload.id);
  switch (kind) {
    case "image":
    case "video":
      return <BlurredMedia key={upload.id} src={src} label={`Preview of ${upload.name}`} kind={kind} />;
    case "audio":
      return <AudioPreview key={upload.id} upload={upload} />;
    case "pdf":
      return (
        // Served from the storage origin with its own type: the browser's PDF viewer, isolated from this page.
        <object className="preview__pdf" data={src} type="application/pdf" aria-label={`Preview of ${upload.name}`}>
          <p>
            This browser cannot show PDFs here. <a href={src}>Open the PDF</a> instead.
          </p>
        </object>
      );
    case "text":
      return <TextPreview upload={upload} />;
    case "none":
      return <p className="muted">Files of type {upload.contentType} cannot be previewed; check the details above.</p>;
  }
}

/**
 * What the review page can show of a file's content; metadata is shown around it. An image the
 * browser cannot show (TIFF, HEIC), or one declared as something else, shows Slipway's thumbnail
 * before whatever its declared type allows.
 */
export function PreviewContent({ upload }: { upload: AdminUploadJson }) {
  if (upload.review === "REJECTED" && !upload.quarantined) return <p className="muted">The file was rejected and its bytes deleted: there is nothing to preview.</p>;
  // Loading a virus into the admin's browser helps no decision, and their own scanner may well object.
  if (upload.processing?.state === "infected") return <p className="muted">Its content is not shown: a virus was found in it.</p>;
  const kind = previewKind(upload.contentType);
  const thumbnailUrl = upload.processing?.thumbnailUrl;
  if (thumbnailUrl && kind !== "image")
    return (
      <>
        <BlurredMedia key={`${upload.id}-thumbnail`} src={thumbnailUrl} label={`Thumbnail of ${upload.name}`} kind="image" />
        <ContentOfKind upload={upload} kind={kind} />
      </>
    );
  return <ContentOfKind upload={upload} kind={kind} />;
}
