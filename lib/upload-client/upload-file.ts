import { api } from "./api";
import { putObject } from "./put-object";

export type UploadPhase = "preparing" | "uploading" | "verifying";

export interface UploadCallbacks {
  onPhase?: (phase: UploadPhase) => void;
  onProgress?: (loaded: number) => void;
  signal?: AbortSignal;
}

/** Sends one file: ask for a slot, PUT the bytes straight to storage, then have the server verify them. */
export async function uploadFile(file: File, { onPhase, onProgress, signal }: UploadCallbacks = {}) {
  onPhase?.("preparing");
  const ticket = await api.createUpload({ name: file.name, type: file.type, size: file.size });
  onPhase?.("uploading");
  try {
    await putObject({ url: ticket.url, headers: ticket.headers, body: file, signal, onProgress });
  } catch (error) {
    // A cancelled or failed PUT leaves an empty slot: release it so it does not hold quota.
    await api.deleteUpload(ticket.upload.id).catch(() => undefined);
    throw error;
  }
  onPhase?.("verifying");
  const { upload } = await api.completeUpload(ticket.upload.id);
  return upload;
}
