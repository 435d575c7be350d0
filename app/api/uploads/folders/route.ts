import { json, userRoute } from "@/lib/http";
import { listFolders } from "@/lib/uploads/list-folders";
import { listFoldersSchema } from "@/lib/validations/upload";

export const GET = userRoute(async ({ req, user }) => {
  const query = listFoldersSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await listFolders(user.id, query));
});
