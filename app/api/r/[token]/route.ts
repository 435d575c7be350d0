import { json, publicRoute } from "@/lib/http";
import { describeUploadRequest } from "@/lib/requests/describe-upload-request";
import { GUEST_ADDRESS_LIMIT } from "@/lib/requests/find-upload-request";

export const GET = publicRoute(async ({ params }) => json(await describeUploadRequest(params.token)), { rateLimit: GUEST_ADDRESS_LIMIT });
