// Next.js calls register() once per server start; the sweeper needs Node, not the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startSweeper } = await import("./lib/uploads/start-sweeper");
    startSweeper();
  }
}
