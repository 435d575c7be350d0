import { findAdminUser } from "@/lib/admin/users/find-admin-user";
import { updateUser } from "@/lib/admin/users/update-user";
import { adminRoute, json, parseParams, readJson } from "@/lib/http";
import { adminUserIdSchema, updateUserSchema } from "@/lib/validations/admin-users";

export const GET = adminRoute(async ({ params }) => {
  const id = parseParams(adminUserIdSchema, params.id, "User");
  return json({ user: await findAdminUser(id) });
});

export const PATCH = adminRoute(async ({ req, params, user, meta }) => {
  const id = parseParams(adminUserIdSchema, params.id, "User");
  const patch = await readJson(req, updateUserSchema);
  return json(await updateUser(user.id, id, patch, meta));
});
