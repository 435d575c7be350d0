import { env } from "../env";
import { sweepUploads } from "./sweep-uploads";

/**
 * Runs the upload sweeper every SWEEP_INTERVAL_SECONDS inside the server process (the embedded
 * database cannot be opened by a second process while the app runs). One sweep at a time.
 */
export function startSweeper(): void {
  if (!env.SWEEP_INTERVAL_SECONDS) return;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const result = await sweepUploads();
      if (result.expired || result.orphansAborted) console.log("sweeper:", result);
    } catch (error) {
      console.error("sweeper: failed, will try again", error);
    } finally {
      running = false;
    }
  }, env.SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref(); // never keeps the process alive on its own
}
