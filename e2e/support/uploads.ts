import { expect, type APIRequestContext } from "@playwright/test";
import type { UploadJson } from "../../lib/uploads/upload-json";

/** A finished upload made over the API (single PUT straight to the bucket), in a dropped folder's path when given; returns its id. */
export async function uploadViaApi(request: APIRequestContext, file: { name: string; type: string; bytes: Buffer; folder?: string }): Promise<string> {
  const created = await request.post("/api/uploads", { data: { name: file.name, type: file.type, size: file.bytes.length, folder: file.folder } });
  expect(created.status(), await created.text()).toBe(201);
  const ticket = await created.json();
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(file.bytes) })).status).toBe(200);
  expect((await request.post(`/api/uploads/${ticket.upload.id}/complete`)).status()).toBe(200);
  return ticket.upload.id;
}

/**
 * Waits until the processing job of a finished upload is done (the e2e server scans with a real
 * clamd): until then no link can be made for it and no admin can approve it. Returns the upload.
 */
export async function waitUntilProcessed(request: APIRequestContext, id: string): Promise<UploadJson> {
  let upload: UploadJson | undefined;
  await expect
    .poll(
      async () => {
        upload = (await (await request.get(`/api/uploads/${id}`)).json()).upload;
        return upload?.processing?.state;
      },
      { message: `processing of upload ${id}`, timeout: 60_000 },
    )
    .not.toMatch(/^(queued|running)$/);
  if (!upload) throw new Error(`upload ${id} could not be read`);
  return upload;
}
