import type { LinkJson } from "../links/serialize-share-link";
import type { CreateLinkInput } from "../validations/link";
import { call, post } from "./call";

/** Share links as the dashboard uses them. */
export const linksApi = {
  list: async (uploadId: string) => (await call<{ items: LinkJson[] }>(`/api/uploads/${uploadId}/links`)).items,
  create: (uploadId: string, input: CreateLinkInput) => post<{ link: LinkJson; url: string }>(`/api/uploads/${uploadId}/links`, input),
  revoke: (linkId: string) => call<void>(`/api/links/${linkId}`, { method: "DELETE" }),
};
