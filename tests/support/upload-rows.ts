import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type UploadRow = Partial<Omit<Prisma.UploadCreateManyInput, "ownerId" | "size">> & { originalName: string; size?: number };

/**
 * Upload rows written straight to the database, for tests of what lists and counts read (no bytes
 * behind them): finished plain files unless a row says otherwise. Returns their ids, in order.
 */
export async function insertUploads(ownerId: string, rows: UploadRow[]): Promise<string[]> {
  const data = rows.map(({ size = 100, ...row }) => {
    const id = row.id ?? randomUUID();
    return {
      status: "COMPLETE" as const,
      strategy: "SINGLE" as const,
      contentType: "text/plain",
      expiresAt: new Date(Date.now() + 3600_000),
      ...row,
      id,
      ownerId,
      key: `u/${ownerId}/${id}/file`,
      size: BigInt(size),
    };
  });
  await db.upload.createMany({ data });
  return data.map((row) => row.id);
}

/** An upload request of `ownerId` (its token is never used here). */
export async function insertRequest(ownerId: string, label: string): Promise<string> {
  const request = await db.uploadRequest.create({ data: { ownerId, label, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) } });
  return request.id;
}
