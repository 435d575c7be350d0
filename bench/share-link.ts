import { randomBytes } from "node:crypto";
import { CookieJar } from "../tests/support/cookie-jar";
import type { Account } from "./accounts";
import { config } from "./config";

/** One small uploaded file of a signed-in owner, who makes share links to it and reads their counts. */
export interface SharedFile {
  /** A new link (a day long, no download limit): its id and the path its download redirect answers on. */
  newLink(): Promise<{ id: string; downloadPath: string }>;
  /** Each link's downloadCount, by link id, as the owner sees them (GET /api/uploads/:id/links). */
  downloadCounts(): Promise<Map<string, number>>;
  remove(): Promise<void>;
}

/** Calls the API as whoever signed in to `jar`; throws on any answer but 2xx. */
function apiAs(jar: CookieJar) {
  return async (path: string, method = "GET", body?: unknown) => {
    const response = await jar.fetch(`${config.appUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Uploads a 1 KiB file the way the page does (slot, presigned PUT, complete), over HTTP as `account`; once it is processed, the admin approves it. */
export async function shareFile(account: Account): Promise<SharedFile> {
  const jar = new CookieJar();
  await jar.signIn(config.appUrl, account.email, account.password);
  const api = apiAs(jar);

  const bytes = randomBytes(1024);
  const created = await api("/api/uploads", "POST", { name: "shared.bin", type: "application/octet-stream", size: bytes.length });
  if (created.strategy !== "single") throw new Error(`expected a single PUT for 1 KiB, got ${created.strategy}`);
  const put = await fetch(created.url, { method: "PUT", headers: created.headers, body: bytes });
  if (!put.ok) throw new Error(`PUT to the presigned URL answered ${put.status}: ${(await put.text()).slice(0, 300)}`);
  const id: string = created.upload.id;
  await api(`/api/uploads/${id}/complete`, "POST");
  // The file is scanned before it may be approved or shared: wait for its processing job.
  for (let waited = 0; ["queued", "running"].includes((await api(`/api/uploads/${id}`)).upload.processing?.state); waited += 100) {
    if (waited > 60_000) throw new Error(`upload ${id} was not processed within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const admin = new CookieJar();
  await admin.signIn(config.appUrl, config.admin.email, config.admin.password);
  await apiAs(admin)(`/api/admin/uploads/${id}/review`, "POST", { decision: "approve" });

  return {
    async newLink() {
      const { link, url } = await api(`/api/uploads/${id}/links`, "POST", { expiresInSeconds: 86400 });
      return { id: link.id, downloadPath: `${new URL(url).pathname}/download` };
    },
    async downloadCounts() {
      const { items } = await api(`/api/uploads/${id}/links`);
      return new Map(items.map((link: { id: string; downloadCount: number }) => [link.id, link.downloadCount]));
    },
    remove: () => api(`/api/uploads/${id}`, "DELETE"),
  };
}
