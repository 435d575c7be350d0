import type { ProcessingJson } from "@/lib/uploads/upload-json";
import { processingWords } from "./processing-words";

/**
 * The processing state in words, coloured by what it means for the file: clean is good news, a
 * virus is the loudest thing on the line, a file that could not be scanned or was not scanned is
 * a warning.
 */
export function ProcessingStatus({ processing, className = "" }: { processing: ProcessingJson; className?: string }) {
  return <span className={`processing processing--${processing.state.replaceAll("_", "-")} ${className}`.trim()}>{processingWords(processing)}</span>;
}
