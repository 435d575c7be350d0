import type { User } from "../../generated/prisma/client";
import { serializeUpload, uploadInclude, type UploadRow } from "../../uploads/serialize-upload";

type Person = Pick<User, "id" | "email" | "name">;

export type AdminUploadRow = UploadRow & { owner: Person; reviewer: Person | null };

/** Only what an admin needs to recognise someone: never the password hash or quota fields. */
export const personSelect = { select: { id: true, email: true, name: true } } as const;

/** Prisma `include` for the rows serializeAdminUpload takes. */
export const adminUploadInclude = { owner: personSelect, reviewer: personSelect, ...uploadInclude } as const;

const person = ({ id, email, name }: Person) => ({ id, email, name });

/**
 * The admin's view of an upload: the owner's JSON plus who owns and who reviewed it, whether its
 * object waits in quarantine, and why processing failed as the worker recorded it.
 */
export function serializeAdminUpload(upload: AdminUploadRow) {
  const json = serializeUpload(upload, `/api/admin/uploads/${upload.id}/thumbnail`);
  return {
    ...json,
    processing: json.processing && { ...json.processing, error: upload.processingError }, // the operator's detail, as recorded
    owner: person(upload.owner),
    reviewer: upload.reviewer ? person(upload.reviewer) : null,
    quarantined: upload.quarantinedAt !== null,
  };
}
export type AdminUploadJson = ReturnType<typeof serializeAdminUpload>;
