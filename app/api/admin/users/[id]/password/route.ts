import { resetPassword } from "@/lib/admin/users/reset-password";
import { adminRoute, json, parseParams } from "@/lib/http";
import { adminUserIdSchema } from "@/lib/validations/admin-users";

// The new password is in the body: no cache may keep it.
export const POST = adminRoute(async ({ params, user, meta }) => {
  const id = parseParams(adminUserIdSchema, params.id, "User");
  return json(await resetPassword(user.id, id, meta), { headers: { "Cache-Control": "no-store" } });
});
