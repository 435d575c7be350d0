// Next.js calls register() once per server start; the sweeper needs Node, not the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Names the runtime in the server's log, so a start on the wrong Node is seen (and tested).
    console.log(`slipway: server running on Node ${process.version}`);
    const { startSweeper } = await import("./lib/uploads/start-sweeper");
    startSweeper();
  }
}
