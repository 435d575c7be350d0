import { HttpError } from "../errors";
import { formatBytes } from "../format-bytes";
import type { Prisma } from "../generated/prisma/client";
import { countedAgainstLimits, countRequestUploads, NO_UPLOADS } from "./count-request-uploads";
import { assertRequestOpen } from "./request-status";

const plural = (count: number, word: string) => `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;

/**
 * Whether a request has room for one more file of `size` bytes, decided under its row lock (taken
 * after the owner's, inside slot creation): creations through one request run one at a time, and
 * a revocation committed before the lock is seen. What counts is what countRequestUploads counts:
 * finished files and open slots that have not expired (a slot reserves its declared size until it
 * finishes, is cancelled or expires). Returns the request's expiry, past which the slot is useless.
 */
export async function admitGuestFile(tx: Prisma.TransactionClient, requestId: string, size: number, now: Date): Promise<Date> {
  await tx.$queryRaw`SELECT id FROM "UploadRequest" WHERE id = ${requestId} FOR UPDATE`;
  const request = await tx.uploadRequest.findUniqueOrThrow({ where: { id: requestId } });
  assertRequestOpen(request, false, now);
  const used = countedAgainstLimits((await countRequestUploads([requestId], now, tx)).get(requestId) ?? NO_UPLOADS);
  if (request.maxFiles !== null && used.files >= request.maxFiles) {
    throw new HttpError({ code: "request_full", message: `This request accepts ${plural(request.maxFiles, "file")} and has them all.` });
  }
  if (request.maxTotalBytes !== null && used.bytes + size > Number(request.maxTotalBytes)) {
    const left = Math.max(0, Number(request.maxTotalBytes) - used.bytes);
    throw new HttpError({
      code: "request_full",
      message: `This request accepts ${formatBytes(Number(request.maxTotalBytes))} in total and has ${formatBytes(left)} left; this file is ${formatBytes(size)}.`,
    });
  }
  return request.expiresAt;
}
