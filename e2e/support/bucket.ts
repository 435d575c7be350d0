import { createHash } from "node:crypto";
import { GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { s3 } from "../../lib/storage/s3";
import { must } from "../../tests/support/must";
import { e2eServer } from "./server";

export const sha256 = (bytes: Buffer | Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** sha256 of the stored object of an upload, found by its id inside the server-chosen key. */
export async function storedSha256(uploadId: string): Promise<string> {
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: e2eServer.bucket, Prefix: "u/", ContinuationToken: token }));
    const match = page.Contents?.find((object) => object.Key?.split("/")[2] === uploadId);
    if (match) {
      const object = await s3.send(new GetObjectCommand({ Bucket: e2eServer.bucket, Key: match.Key }));
      return sha256(await must(object.Body, `a body for ${match.Key}`).transformToByteArray());
    }
    token = page.NextContinuationToken;
  } while (token);
  throw new Error(`no object for upload ${uploadId}`);
}
