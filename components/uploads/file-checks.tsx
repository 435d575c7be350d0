import type { UploadJson } from "@/lib/uploads/upload-json";
import { ProcessingStatus } from "../processing/processing-status";
import { typeMismatchWarning } from "../processing/processing-words";

/** What processing found about one of the owner's files: the scan, a type that is not what it claims, and what went wrong. */
export function FileChecks({ upload }: { upload: UploadJson }) {
  const { processing } = upload;
  if (!processing) return null;
  const mismatch = typeMismatchWarning(upload);
  return (
    <>
      <ProcessingStatus processing={processing} className="table__sub" />
      {processing.state === "infected" && <span className="table__sub error-text">Quarantined: nobody can download or share this file. Delete it.</span>}
      {mismatch && <span className="table__sub warn-text">{mismatch}</span>}
      {processing.error && <span className="table__sub muted">{processing.error}</span>}
    </>
  );
}
