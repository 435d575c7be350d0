import type { Queue } from "pg-boss";
import { env } from "../env";

/** Hashes, sniffs, scans and thumbnails one finished upload; at most one queued job per upload. */
export const PROCESS_UPLOAD = "process-upload";
/** Queues unprocessed files: those finished before processing existed, and any whose job was lost. */
export const QUEUE_UNPROCESSED = "queue-unprocessed";
/** Queues every finished file again (an admin asked, or clamd's signatures changed). */
export const RESCAN_ALL = "rescan-all";
/** Asks clamd which signature database it has loaded. */
export const CHECK_SIGNATURES = "check-signatures";
/** Expires overdue slots and removes orphaned bytes (lib/uploads/sweep-uploads.ts). */
export const SWEEP_UPLOADS = "sweep-uploads";

const TEN_MINUTES = 600;

// A maintenance job is either waiting or running, never both twice: `exclusive`.
const maintenance = { policy: "exclusive", retryLimit: 3, retryBackoff: true, retryDelay: 30, expireInSeconds: 3600 } as const;

export function queueDefinitions(): Queue[] {
  return [
    {
      name: PROCESS_UPLOAD,
      // `short`: one queued job per singletonKey (the upload id), however often it is asked for.
      policy: "short",
      retryLimit: env.PROCESSING_ATTEMPTS - 1,
      retryBackoff: true,
      retryDelay: env.PROCESSING_RETRY_DELAY_SECONDS,
      retryDelayMax: TEN_MINUTES,
      heartbeatSeconds: env.PROCESSING_HEARTBEAT_SECONDS,
      // Liveness is the heartbeat's job; this only bounds one attempt at a very large file.
      expireInSeconds: 24 * 3600,
    },
    { name: QUEUE_UNPROCESSED, ...maintenance },
    { name: RESCAN_ALL, ...maintenance },
    { name: CHECK_SIGNATURES, ...maintenance },
    { name: SWEEP_UPLOADS, ...maintenance },
  ];
}
