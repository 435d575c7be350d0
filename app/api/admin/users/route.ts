import { listUsers } from "@/lib/admin/users/list-users";
import { adminRoute, json } from "@/lib/http";
import { listUsersSchema } from "@/lib/validations/admin-users";

export const GET = adminRoute(async ({ req }) => {
  const query = listUsersSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await listUsers(query));
});
