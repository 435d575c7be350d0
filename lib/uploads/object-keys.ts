import { keySafeName } from "./sanitize-file-name";

/**
 * Where a single PUT lands. Its presigned URL stays valid for its whole lifetime whatever
 * happens to the slot, so it is signed for this key only: completion copies the verified bytes
 * to the upload's own key, for which no URL is ever signed, and the sweeper removes whatever an
 * old URL writes here later.
 */
export const INCOMING_PREFIX = "incoming/";

/** The object key of an upload, chosen by the server. */
export const uploadKey = (userId: string, uploadId: string, name: string) => `u/${userId}/${uploadId}/${keySafeName(name)}`;

export const incomingKey = (key: string) => `${INCOMING_PREFIX}${key}`;

/** Where a rejected file's object waits (REJECT_ACTION=quarantine) while it can still be approved. */
export const quarantineKey = (key: string) => `quarantine/${key}`;

/** Where the processing job stores a finished image's WebP thumbnail (Slipway's own re-encoding). */
export const thumbnailKey = (key: string) => `thumbnails/${key}.webp`;

/** The upload id in an incoming key (incoming/u/<userId>/<uploadId>/<name>), if it is one. */
export function uploadIdOfIncoming(key: string): string | undefined {
  const [prefix, u, , uploadId] = key.split("/");
  return `${prefix}/` === INCOMING_PREFIX && u === "u" ? uploadId : undefined;
}
