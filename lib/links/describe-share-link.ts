import { admitShareToken, assertUsable, findShareLink } from "./find-share-link";

export interface SharedFile {
  sharedBy: string;
  expiresAt: Date;
  /** null: no download limit. */
  downloadsLeft: number | null;
  passwordRequired: boolean;
  /**
   * Name, size, type and SHA-256 (hex, for the recipient to check what they got; null until
   * processed); null behind a password, because a file's name can say too much.
   */
  file: { name: string; size: number; contentType: string; sha256: string | null } | null;
}

/** What the public page of a usable link shows; 404 or 410 (with the reason) otherwise. */
export async function describeShareLink(token: string): Promise<SharedFile> {
  return describeAdmittedShareLink(await admitShareToken(token));
}

/** The same for a token this request has already counted against its link's budget, by its hash. */
export async function describeAdmittedShareLink(tokenHash: string): Promise<SharedFile> {
  const link = await findShareLink(tokenHash);
  assertUsable(link);
  const { originalName, size, contentType, sha256 } = link.upload;
  return {
    sharedBy: link.creator.name,
    expiresAt: link.expiresAt,
    downloadsLeft: link.maxDownloads === null ? null : link.maxDownloads - link.downloadCount,
    passwordRequired: link.passwordHash !== null,
    file: link.passwordHash ? null : { name: originalName, size: Number(size), contentType, sha256 },
  };
}
