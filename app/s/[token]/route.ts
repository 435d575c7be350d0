import { sharePage, shareErrorPage } from "./share-responses";
import { publicRoute } from "@/lib/http";
import { linkAccess } from "./link-access";

/** The public page of a share link: HTML with the real status (200, 404, 410, 429), no session needed. */
export const GET = publicRoute(async ({ params }) => sharePage(String(params.token)), { ...linkAccess, errorPage: shareErrorPage });
