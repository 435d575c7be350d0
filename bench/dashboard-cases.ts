/**
 * The dashboard's reads (issue 13) for bench/admin-queries.ts, as the heaviest user sends them:
 * the list in every sort, deep in its keyset pages, searched and filtered, a folder's files and
 * the folder listing, and the quota meter's usage read (polled every 10 s by an open dashboard).
 */
import { readUsage } from "../lib/accounts/read-usage";
import { listFolders } from "../lib/uploads/list-folders";
import { listUploads } from "../lib/uploads/list-uploads";
import type { ListSort } from "../lib/validations/upload";
import { must } from "../tests/support/must";

const PAGE = 50;
const DAY_MS = 86_400_000;

/** The cursor `pages` pages into the user's list in `sort` (its default order). */
async function deepCursor(userId: string, sort: ListSort, pages: number): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) cursor = must((await listUploads(userId, { sort, cursor, limit: PAGE })).nextCursor ?? undefined, `page ${i + 2} by ${sort}`);
  return must(cursor, "a cursor");
}

export async function dashboardCases(userId: string, deepPages: number) {
  // The user's largest folder and how deep the list goes, from the API itself.
  const [folder] = (await listFolders(userId, { limit: 100 })).items.sort((a, b) => b.files - a.files);
  const pages = Math.min(deepPages, Math.floor((await readUsage(userId)).storedFiles / PAGE) - 1);
  const deep = { date: await deepCursor(userId, "date", pages), name: await deepCursor(userId, "name", pages), size: await deepCursor(userId, "size", pages) };
  const weekAgo = new Date(Date.now() - 7 * DAY_MS);
  const list = (query: Parameters<typeof listUploads>[1]) => () => listUploads(userId, query);
  return [
    { name: "dashboard: newest first (default)", call: list({ limit: PAGE }) },
    { name: "dashboard: oldest first", call: list({ sort: "date", order: "asc", limit: PAGE }) },
    { name: "dashboard: name A-Z", call: list({ sort: "name", limit: PAGE }) },
    { name: "dashboard: name Z-A", call: list({ sort: "name", order: "desc", limit: PAGE }) },
    { name: "dashboard: largest first", call: list({ sort: "size", limit: PAGE }) },
    { name: "dashboard: smallest first", call: list({ sort: "size", order: "asc", limit: PAGE }) },
    ...(["date", "name", "size"] as const).map((sort) => ({ name: `dashboard: by ${sort}, page ${pages + 1} (keyset)`, call: list({ sort, cursor: deep[sort], limit: PAGE }) })),
    { name: "dashboard: q=berlin", call: list({ q: "berlin", limit: PAGE }) },
    { name: "dashboard: q matching nothing (whole walk)", call: list({ q: "no file is called this", limit: PAGE }) },
    { name: "dashboard: q=report, name A-Z", call: list({ q: "report", sort: "name", limit: PAGE }) },
    { name: "dashboard: status=failed", call: list({ status: "failed", limit: PAGE }) },
    { name: "dashboard: status=in_progress", call: list({ status: "in_progress", limit: PAGE }) },
    { name: "dashboard: type=video, largest first", call: list({ type: "video", sort: "size", limit: PAGE }) },
    { name: "dashboard: type=other", call: list({ type: "other", limit: PAGE }) },
    { name: "dashboard: received=true", call: list({ received: true, limit: PAGE }) },
    { name: "dashboard: loose files (folder=/)", call: list({ folder: "/", limit: PAGE }) },
    { name: `dashboard: folder=${folder.path}, name A-Z`, call: list({ folder: folder.path, sort: "name", limit: PAGE }) },
    { name: "dashboard: folders, top level", call: () => listFolders(userId, { limit: 100 }) },
    { name: `dashboard: folders in ${folder.path}`, call: () => listFolders(userId, { parent: folder.path, limit: 100 }) },
    { name: "dashboard: usage, received in the last 7 days", call: () => readUsage(userId, weekAgo) },
  ];
}
