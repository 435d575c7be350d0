// Next.js calls register() once per server start; the job workers need Node, not the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Names the runtime in the server's log, so a start on the wrong Node is seen (and tested).
    console.log(`slipway: server running on Node ${process.version}`);
    const { env } = await import("./lib/env");
    if (!env.WORKER_IN_APP) return console.log("slipway: WORKER_IN_APP=false, jobs run in `npm run worker` processes");
    const { startWorkers } = await import("./lib/jobs/start-workers");
    // A queue that cannot start must not take the site down: logged, and the health check says so.
    await startWorkers().catch((error: unknown) => console.error("slipway: job workers did not start", error));
  }
}
