import type { PublicRequestJson } from "@/lib/requests/request-json";
import { formatBytes } from "@/lib/format-bytes";
import { describeTypes } from "./type-choices";

type Limits = Pick<PublicRequestJson, "maxFiles" | "maxFileBytes" | "maxTotalBytes" | "allowedTypes" | "remaining">;

const files = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "file" : "files"}`;

/** A request's limits as the guest reads them: term and value, with what is left of each. */
export function limitLines(request: Limits): Array<{ term: string; value: string }> {
  const { maxFiles, maxFileBytes, maxTotalBytes, remaining } = request;
  const filesLeft = remaining.files ?? maxFiles;
  return [
    { term: "Files", value: maxFiles === null ? "as many as you like" : `${filesLeft ? `${files(filesLeft)} more` : "no more"} (it takes ${files(maxFiles)} in all)` },
    { term: "Each file", value: maxFileBytes === null ? "any size" : `up to ${formatBytes(maxFileBytes)}` },
    { term: "In total", value: maxTotalBytes === null ? "no limit" : `up to ${formatBytes(maxTotalBytes)} (${formatBytes(remaining.bytes ?? maxTotalBytes)} left)` },
    { term: "Types", value: describeTypes(request.allowedTypes) },
  ];
}

/** Why the request takes no more files, or null while it does. */
export function fullReason(request: Limits): string | null {
  if (request.remaining.files === 0) return `This request has all the files it takes (${files(request.maxFiles ?? 0)}).`;
  if (request.remaining.bytes === 0) return "This request has received all the bytes it takes.";
  return null;
}

/** The drop zone's hint: how many files, how large, what types. */
export function dropHint(request: Limits): string {
  const { maxFileBytes, remaining } = request;
  const count = remaining.files === null ? "Several files at once" : `Up to ${files(remaining.files)}`;
  const size = maxFileBytes === null ? "any size" : `each up to ${formatBytes(maxFileBytes)}`;
  const types = request.allowedTypes.length ? `; ${describeTypes(request.allowedTypes)}` : "";
  return `${count}, ${size}${types}. They go straight to storage; you can pause and resume.`;
}
