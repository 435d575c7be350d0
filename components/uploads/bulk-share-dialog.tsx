"use client";

import { useEffect, useRef, useState } from "react";
import { linksApi } from "@/lib/api-client/links-api";
import type { UploadJson } from "@/lib/uploads/upload-json";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import type { CreateLinkInput } from "@/lib/validations/link";
import { CreateLinkForm } from "../links/create-link-form";
import { copyOrSelect } from "../ui/copy-or-select";
import { NOT_SHAREABLE } from "./row-actions";

/** Links made at once, kept under the link route's rate limit (120 a minute). */
const MAX_FILES = 100;

type Made = { upload: UploadJson; url: string } | { upload: UploadJson; error: string };

const pathOf = (upload: UploadJson) => (upload.folder ? `${upload.folder}/${upload.name}` : upload.name);

/**
 * A link for each selected file, all with one set of options, made one after the other through
 * the link API; then every address, with one button to copy them all. Files that cannot be
 * shared are named with the reason, and get no link.
 */
export function BulkShareDialog({ uploads, onClose }: { uploads: UploadJson[]; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const all = useRef<HTMLTextAreaElement>(null);
  const shareable = uploads.filter((upload) => upload.availability === "available").slice(0, MAX_FILES);
  const refused = uploads.filter((upload) => upload.availability !== "available");
  const [made, setMade] = useState<Made[] | null>(null);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState("");

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  async function create(input: CreateLinkInput) {
    setRunning(true);
    const results: Made[] = [];
    for (const upload of shareable) {
      setNotice(`Creating links: ${results.length} of ${shareable.length} done…`);
      try {
        results.push({ upload, url: (await linksApi.create(upload.id, input)).url });
      } catch (error) {
        results.push({ upload, error: describeUploadError(error) });
      }
    }
    const created = results.filter((result) => "url" in result).length;
    setNotice(`${created} of ${shareable.length} links created. Copy them now: Slipway keeps no copy of these addresses.`);
    setMade(results);
    setRunning(false);
  }

  const lines = (made ?? []).flatMap((result) => ("url" in result ? [`${pathOf(result.upload)}: ${result.url}`] : []));
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="bulk-share-title" onClose={onClose}>
      <div className="dialog__head">
        <h2 id="bulk-share-title">Share {uploads.length === 1 ? "1 file" : `${uploads.length} files`}</h2>
        <button type="button" className="link-button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {refused.length > 0 && (
        <section aria-labelledby="bulk-share-refused">
          <h3 id="bulk-share-refused">Cannot be shared</h3>
          <ul className="bulk-results">
            {refused.map((upload) => (
              <li key={upload.id} className="bulk-results__refused">
                <span className="bulk-results__name">{pathOf(upload)}</span>: {NOT_SHAREABLE[upload.availability] ?? "not shareable now"}
              </li>
            ))}
          </ul>
        </section>
      )}
      {shareable.length === 0 && <p>None of the selected files can be shared now.</p>}
      {shareable.length > 0 && !made && (
        <>
          <p className="muted">
            One link for each of {shareable.length === 1 ? "the file" : `the ${shareable.length} files`} that can be shared, all with these settings.
            {uploads.filter((upload) => upload.availability === "available").length > MAX_FILES && ` At most ${MAX_FILES} at once: the first ${MAX_FILES} get one.`}
          </p>
          <CreateLinkForm busy={running} onCreate={(input) => void create(input)} />
        </>
      )}
      <p role="status" className="muted">
        {notice}
      </p>
      {made && (
        <section aria-labelledby="bulk-share-links" className="stack">
          <h3 id="bulk-share-links">Links</h3>
          <ul className="bulk-results">
            {made.map((result) => (
              <li key={result.upload.id} className={"url" in result ? "bulk-results__ok" : "bulk-results__refused"}>
                <span className="bulk-results__name">{pathOf(result.upload)}</span>: {"url" in result ? <a href={result.url}>{result.url}</a> : result.error}
              </li>
            ))}
          </ul>
          {lines.length > 0 && (
            <>
              <label className="field">
                All links, one per line
                <textarea ref={all} readOnly rows={Math.min(8, lines.length)} value={lines.join("\n")} onFocus={(event) => event.target.select()} />
              </label>
              <button type="button" className="button" onClick={async () => setNotice(await copyOrSelect(lines.join("\n"), all, "list of links"))}>
                Copy all links
              </button>
            </>
          )}
        </section>
      )}
    </dialog>
  );
}
