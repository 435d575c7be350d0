import { HttpError } from "@/lib/errors";
import { ApiError } from "@/lib/api-client/call";
import type { UploadApi } from "@/lib/upload-client/upload-api";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { findOwnUpload } from "@/lib/uploads/find-own-upload";
import { listUploadParts } from "@/lib/uploads/list-upload-parts";
import { serializeUpload } from "@/lib/uploads/serialize-upload";
import { signParts } from "@/lib/uploads/sign-parts";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

// Errors cross the "network" as the browser would see them: ApiError with the HTTP status and code.
async function asApi<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HttpError) throw new ApiError(error.status, error.code, error.message, error.details);
    throw error;
  }
}

/** The engine's API backed directly by the domain modules, as signed-in `userId`; counts calls. */
export function domainApi(userId: string) {
  const calls = { signParts: 0, signedParts: 0 };
  const api: UploadApi = {
    createUpload: (input) => asApi(() => createUploadSlot(userId, input, meta)),
    signParts: (id, parts) => {
      calls.signParts += 1;
      calls.signedParts += parts.length;
      return asApi(async () => (await signParts(userId, id, { parts })).parts);
    },
    listParts: (id) => asApi(async () => (await listUploadParts(userId, id)).parts),
    completeUpload: (id) => asApi(() => completeUpload(userId, id, meta)),
    deleteUpload: (id) => asApi(() => deleteUpload(userId, id, meta)),
    getUpload: (id) => asApi(async () => serializeUpload(await findOwnUpload(userId, id))),
  };
  return { api, calls };
}
