import type { User } from "../../generated/prisma/client";

export type AdminUserRow = Pick<User, "id" | "email" | "name" | "role" | "trusted" | "disabledAt" | "quotaBytes" | "storedBytes" | "storedFiles" | "createdAt"> & {
  /** When the user's latest audit event was written, or null if none ever was. */
  lastActiveAt: Date | null;
};

/** The JSON shape of a user in the admin's answers. */
export function serializeAdminUser(user: AdminUserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    trusted: user.trusted,
    disabled: user.disabledAt !== null,
    quotaBytes: Number(user.quotaBytes),
    usedBytes: Number(user.storedBytes),
    files: Number(user.storedFiles),
    lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
export type AdminUserJson = ReturnType<typeof serializeAdminUser>;

/** The columns of AdminUserRow that live on "User" itself. */
export const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  trusted: true,
  disabledAt: true,
  quotaBytes: true,
  storedBytes: true,
  storedFiles: true,
  createdAt: true,
} as const;
