import { requestRescanOfAll } from "@/lib/admin/uploads/request-rescan";
import { adminRoute, json } from "@/lib/http";

/** 202: a job queues every finished file for processing again. */
export const POST = adminRoute(async ({ user, meta }) => json(await requestRescanOfAll(user.id, meta), { status: 202 }));
