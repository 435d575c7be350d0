"use client";

import { UploadsTable } from "./uploads-table";
import { UploadPanel } from "./upload-panel";

export function UploadsDashboard() {
  return (
    <div className="stack">
      <UploadPanel />
      <h2>Your files</h2>
      <UploadsTable />
    </div>
  );
}
