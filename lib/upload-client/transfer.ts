import type { ProgressTracker } from "./progress-tracker";
import type { Transport } from "./put-object";
import type { OnRetry } from "./retry-policy";

/** What a transfer (one single PUT, or the parts of a multipart upload) is run with. */
export interface TransferRun {
  progress: ProgressTracker;
  signal: AbortSignal;
  /** Bytes moved: the UI refreshes and a retry notice clears. */
  onProgress: () => void;
  onRetry?: OnRetry;
}

/** One PUT of `body` as part `number` (1 for a single PUT), its bytes tracked in `run.progress`. */
export async function putTracked(transport: Transport, request: { url: string; headers: Record<string, string>; body: Blob }, number: number, run: TransferRun): Promise<void> {
  const onProgress = (loaded: number) => (run.progress.partProgress(number, loaded), run.onProgress());
  try {
    await transport({ ...request, signal: run.signal, onProgress });
  } catch (error) {
    run.progress.partLost(number);
    throw error;
  }
  run.progress.partDone(number, request.body.size);
}
