import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/errors";
import { processUpload } from "@/lib/processing/process-upload";
import { gatedClamd } from "./gated-clamd";

// For tests that run the processing job themselves, to control what happens between a run's
// read of the object and its record.

/** What a call gave: its value, or [status, code] when it was refused. */
export const outcome = (promise: Promise<unknown>) => promise.catch((error: unknown) => (error instanceof HttpError ? [error.status, error.code] : Promise.reject(error)));
export const row = (id: string) => db.upload.findUniqueOrThrow({ where: { id } });

export async function processNow(id: string, retryCount = 0, retryLimit = 4) {
  await processUpload(id, { retryCount, retryLimit });
  return row(id);
}

/** Runs `task` with some settings changed (lib/env is read on every call that matters here). */
export async function withEnv<T>(patch: Partial<typeof env>, task: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(patch).map((name) => [name, env[name as keyof typeof env]]));
  Object.assign(env, patch);
  try {
    return await task();
  } finally {
    Object.assign(env, saved);
  }
}

/** Starts a run with clamd behind the gate and waits until clamd's verdict is held back. */
export async function runHeldAtVerdict(id: string) {
  const gate = await gatedClamd();
  const saved = env.CLAMD_PORT;
  env.CLAMD_PORT = gate.port;
  const run = processNow(id);
  await Promise.race([gate.answered, run]);
  return {
    async finish() {
      gate.release();
      try {
        return await run;
      } finally {
        env.CLAMD_PORT = saved;
        await gate.close();
      }
    },
  };
}
