import { readStats } from "@/lib/admin/stats/read-stats";
import { adminRoute, json } from "@/lib/http";

export const GET = adminRoute(async () => json(await readStats()));
