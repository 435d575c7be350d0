import { expect } from "vitest";
import { db } from "@/lib/db";
import type { Upload } from "@/lib/generated/prisma/client";
import type { ProcessingState } from "@/lib/generated/prisma/enums";

const SETTLED: ProcessingState[] = ["CLEAN", "INFECTED", "FAILED", "TOO_LARGE_TO_SCAN", "OFF"];

/** Waits until the upload's processing has ended (the real queue and workers run it); returns the row. */
export async function processed(uploadId: string, timeoutMs = 30_000): Promise<Upload> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
    if (row.processing && SETTLED.includes(row.processing)) return row;
    expect(Date.now(), `upload ${uploadId} still ${row.processing} (${row.processingError ?? "no error"})`).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until `check` holds (for what follows a committed row, such as an object's move). */
export async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    expect(Date.now(), "the condition did not hold in time").toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
