import type { ProcessingJson, ProcessingStateJson } from "@/lib/uploads/upload-json";

const STATE_WORDS: Record<ProcessingStateJson, string> = {
  queued: "Checking…",
  running: "Checking…",
  clean: "Clean",
  infected: "Virus found",
  failed: "Could not be scanned",
  too_large_to_scan: "Too large to scan",
  off: "Not scanned",
};

/** Whether the processing job has yet to finish: pages that show the state poll while it has not. */
export function isChecking(processing: ProcessingJson | null): boolean {
  return processing?.state === "queued" || processing?.state === "running";
}

/** The state in a few words, with the signature's name when a virus was found. */
export function processingWords(processing: ProcessingJson): string {
  const words = STATE_WORDS[processing.state];
  return processing.state === "infected" && processing.scan.signature ? `${words}: ${processing.scan.signature}` : words;
}

// Types whose subtype does not read as a name people know.
const TYPE_NAMES: Record<string, string> = {
  "text/plain": "plain text",
  "application/octet-stream": "binary data",
  "application/x-msdownload": "a Windows program",
  "application/vnd.microsoft.portable-executable": "a Windows program",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel workbook",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "a PowerPoint file",
  "application/msword": "a Word document",
  "application/vnd.ms-excel": "an Excel workbook",
  "application/vnd.ms-powerpoint": "a PowerPoint file",
  "image/vnd.adobe.photoshop": "a Photoshop file",
  "audio/mpeg": "MP3",
  "application/x-7z-compressed": "7-Zip",
  "application/x-rar-compressed": "RAR",
  "application/vnd.rar": "RAR",
};

/** What people call a file of `type`: "PNG", "PDF", "ZIP", "plain text". */
export function typeName(type: string): string {
  const canonical = type.split(";")[0].trim().toLowerCase();
  const known = TYPE_NAMES[canonical];
  if (known) return known;
  const subtype = (canonical.split("/")[1] ?? canonical).replace(/^(x-|vnd\.)/, "").split("+")[0];
  return /^[a-z0-9]{2,5}$/.test(subtype) ? subtype.toUpperCase() : subtype;
}

// Declared types that claim nothing about the bytes (as lib/processing/sniff-type.ts counts them).
const GENERIC = new Set(["", "application/octet-stream", "binary/octet-stream"]);

/**
 * "Looks like PNG, not PDF" when the bytes contradict the declared type or the name's extension;
 * null when they agree. The claim named is the declared type, or the extension when the type
 * claims nothing or happens to agree.
 */
export function typeMismatchWarning(upload: { name: string; contentType: string; processing: ProcessingJson | null }): string | null {
  const processing = upload.processing;
  if (!processing?.typeMismatch || !processing.detectedType) return null;
  const looks = typeName(processing.detectedType);
  const dot = upload.name.lastIndexOf(".");
  const extension = dot > 0 ? upload.name.slice(dot + 1).toUpperCase() : "";
  const declared = GENERIC.has(upload.contentType.split(";")[0].trim().toLowerCase()) ? "" : typeName(upload.contentType);
  const claim = [declared, extension].find((name) => name && name.toLowerCase() !== looks.toLowerCase());
  return claim ? `Looks like ${looks}, not ${claim}` : `Looks like ${looks}, which its name and type do not say`;
}
