import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { bucket, s3 } from "@/lib/storage/s3";
import { completeUpload } from "@/lib/uploads/complete-upload";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { meta, newUser } from "./domain-helpers";

/** A fresh admin account; returns its id. */
export async function newAdmin(name: string): Promise<string> {
  const id = await newUser(name);
  await db.user.update({ where: { id }, data: { role: "ADMIN" } });
  return id;
}

/** Uploads `bytes` for real (presigned PUT to radosgw) and completes the slot; returns the upload id. */
export async function finishedUpload(ownerId: string, name: string, type: string, bytes: Uint8Array): Promise<string> {
  const ticket = await createUploadSlot(ownerId, { name, type, size: bytes.byteLength }, meta);
  if (ticket.strategy !== "single") throw new Error("expected a single PUT");
  expect((await fetch(ticket.url, { method: "PUT", headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);
  await completeUpload(ownerId, ticket.upload.id, meta);
  return ticket.upload.id;
}

/** The object's ETag on radosgw, or null when there is no object at `key`. */
export async function storedEtag(key: string): Promise<string | null> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ETag?.replaceAll('"', "") ?? null;
  } catch (error) {
    if ((error as { name?: string }).name === "NotFound") return null;
    throw error;
  }
}

/** The bytes a presigned GET serves. */
export async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}
