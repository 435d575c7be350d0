import { ApiError } from "../api-client/call";
import { AbortedError, NetworkError, StorageError } from "./put-object";
import { FileReadError } from "./worker-md5";

const NETWORK_LOST = "The network connection was lost.";

/**
 * A sentence a person understands for anything an upload can fail with. While the engine is
 * still retrying, the advice to act is left out (`retrying`).
 */
export function describeUploadError(error: unknown, { retrying = false } = {}): string {
  const network = retrying ? NETWORK_LOST : `${NETWORK_LOST} Check your connection and retry.`;
  if (error instanceof ApiError) {
    if (error.code === "network") return network;
    // A request link's missing password is a 401 too, and its own message says what to do.
    if (error.status === 401 && error.code !== "password_required") return "Your session has ended. Sign in again, then retry.";
    if (error.status === 429) return "Too many requests at once. Wait a moment and retry.";
    // Said apart from a bug: the person learns the wait is not their doing and that it passes.
    if (error.code === "storage_unavailable") return `File storage is unavailable right now.${retrying ? "" : " Retry in a moment."}`;
    if (error.code === "database_busy") return `Slipway is briefly unavailable.${retrying ? "" : " Retry in a moment."}`;
    if (error.status >= 500) return `The server had a problem.${retrying ? "" : " Retry in a moment."}`;
    // The owner's refusal has the figures (a guest's has none, and its own advice); what counts
    // and what to do is said here (the storage meter shows the same count).
    if (error.code === "quota_exceeded" && error.details) {
      return `${error.message} Uploads still in progress count until they finish or are cancelled. Delete files you no longer need, or ask an administrator for more space.`;
    }
    return error.message; // the API's own messages are written for people (quota, type, size)
  }
  if (error instanceof StorageError) {
    if (error.code === "BadDigest") return "The file changed or was corrupted on the way. Retry the upload.";
    if (error.status === 403) return "The upload link expired or was refused by storage. Retry the upload.";
    if (error.code === "EntityTooLarge" || error.status === 413) return "Storage refused the file as too large.";
    return `Storage refused the file (${error.code}). Retry the upload.`;
  }
  if (error instanceof NetworkError) return network;
  if (error instanceof AbortedError) return "Upload stopped.";
  if (error instanceof FileReadError) return "The file could not be read. If it was moved or changed, choose it again.";
  return "Something went wrong with this upload. Retry it.";
}
