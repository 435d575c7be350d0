import type { BulkResult } from "@/lib/api-client/admin-api";

const WORDS: Partial<Record<NonNullable<BulkResult["code"]>, string>> = {
  already_decided: "another decision was made on it already",
  upload_not_ready: "it is not finished uploading",
  upload_processing: "it is still being checked for viruses",
  upload_scan_failed: "it could not be scanned for viruses; scan it again",
  upload_infected: "a virus was found in it",
  not_found: "it no longer exists",
  note_required: "a rejection needs a note",
  storage_unavailable: "storage did not answer; try again",
  database_busy: "the server was busy; try again",
};

/** Why one item of a bulk decision was refused, in words (the bulk answer carries only the code). */
export function describeRefusal(result: BulkResult): string {
  return (result.code && WORDS[result.code]) ?? `it was refused (${result.code ?? result.status})`;
}
