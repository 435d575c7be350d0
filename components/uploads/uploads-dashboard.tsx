"use client";

import { useEffect, useRef } from "react";
import { FileList } from "./file-list";
import { FolderBreadcrumb } from "./folder-breadcrumb";
import { ListControls } from "./list-controls";
import { QuotaMeter } from "./quota-meter";
import { ReceivedNotice } from "./received-notice";
import { UploadPanel } from "./upload-panel";
import { filesQuery, isSearch, listHref, useListParams } from "./use-list-params";
import { useUsage } from "./use-usage";

/** The signed-in user's page: storage use, news from request links, the drop zone and uploads, and their files. */
export function UploadsDashboard({ userId }: { userId: string }) {
  const { params, href, go } = useListParams();
  const { usage, news, dismiss } = useUsage(userId);
  const searching = isSearch(params);
  // Opening a folder (or going up) replaces the link that had focus: put it on the list's heading,
  // which names the folder, so the keyboard carries on from there. Not on the first render.
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(params.folder);
  useEffect(() => {
    if (shown.current === params.folder) return;
    shown.current = params.folder;
    heading.current?.focus();
  }, [params.folder]);
  return (
    <div className="stack">
      <QuotaMeter usage={usage.data} />
      <ReceivedNotice news={news} href={href({ q: "", status: null, type: null, received: true })} onDismiss={dismiss} />
      <UploadPanel />
      <section className="stack" aria-labelledby="files-title">
        <h2 id="files-title" ref={heading} tabIndex={-1}>
          {params.folder && !searching ? `Files in ${params.folder}` : "Files"}
        </h2>
        {/* Remounted when the address changes, so the form shows what is applied (back and forward too). */}
        <ListControls key={listHref("", params)} applied={params} onApply={go} />
        {searching ? <p className="muted">Results from every folder.</p> : params.folder && <FolderBreadcrumb folder={params.folder} href={(folder) => href({ folder })} />}
        {/* A new list starts with nothing selected. */}
        <FileList key={JSON.stringify(filesQuery(params))} params={params} folderHref={(folder) => href({ folder })} />
      </section>
    </div>
  );
}
