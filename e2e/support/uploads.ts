import { expect, type APIRequestContext } from "@playwright/test";

/** A finished upload made over the API (single PUT straight to the bucket); returns its id. */
export async function uploadViaApi(request: APIRequestContext, file: { name: string; type: string; bytes: Buffer }): Promise<string> {
  const created = await request.post("/api/uploads", { data: { name: file.name, type: file.type, size: file.bytes.length } });
  expect(created.status(), await created.text()).toBe(201);
  const ticket = await created.json();
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(file.bytes) })).status).toBe(200);
  expect((await request.post(`/api/uploads/${ticket.upload.id}/complete`)).status()).toBe(200);
  return ticket.upload.id;
}
