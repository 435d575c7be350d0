import { readUsage } from "@/lib/accounts/read-usage";
import { json, userRoute } from "@/lib/http";
import { usageQuerySchema } from "@/lib/validations/account";

export const GET = userRoute(async ({ req, user }) => {
  const { receivedSince } = usageQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await readUsage(user.id, receivedSince));
});
