import "server-only";
import { getBoss } from "../jobs/boss";
import { PROCESS_UPLOAD } from "../jobs/queues";

/**
 * Queues processing jobs for uploads whose rows already say QUEUED. Called after the row's
 * transaction commits (a job must not run before the row it reads exists); if this fails the row
 * stays QUEUED and the queue-unprocessed job sends it again a minute later. The upload id is the
 * singleton key, so a file has at most one job waiting however often it is sent.
 */
export async function sendProcessing(uploadIds: string[]): Promise<void> {
  if (!uploadIds.length) return;
  const boss = await getBoss();
  await boss.insert(
    PROCESS_UPLOAD,
    uploadIds.map((uploadId) => ({ data: { uploadId }, singletonKey: uploadId })),
  );
}

/** The same after a request has already answered: a failure is logged, the row waits for the next pass. */
export function sendProcessingLater(uploadIds: string[]): void {
  sendProcessing(uploadIds).catch((error: unknown) => console.error("processing: could not queue", uploadIds, error));
}
