import { describe, expect, it } from "vitest";
import { barProgress } from "@/lib/upload-client/bar-progress";
import type { TaskState } from "@/lib/upload-client/upload-task";

const MiB = 1024 ** 2;
const task = (state: TaskState, size: number, sent: number, confirmed: number) => ({ state, size, sent, confirmed });

describe("barProgress", () => {
  it("follows the bytes sent while a file uploads, and is full once it is stored", () => {
    expect(barProgress(task("uploading", 4 * MiB, MiB, 0))).toEqual({ percent: 25, text: "25%" });
    expect(barProgress(task("verifying", 4 * MiB, 4 * MiB, 4 * MiB))).toEqual({ percent: 100, text: "100%" });
    expect(barProgress(task("done", 4 * MiB, 4 * MiB, 4 * MiB))).toEqual({ percent: 100, text: "100%" });
  });

  it("shows an empty file at 0 % until it is stored, then 100 %", () => {
    for (const state of ["queued", "preparing", "uploading", "verifying", "paused", "cancelled"] as const) expect(barProgress(task(state, 0, 0, 0)).percent).toBe(0);
    expect(barProgress(task("done", 0, 0, 0)).percent).toBe(100);
  });

  it("shows a failed file's acknowledged bytes, not the bytes that were on their way", () => {
    // Two of four parts stored, the third fully sent when storage refused it.
    expect(barProgress(task("failed", 4 * MiB, 3 * MiB, 2 * MiB))).toEqual({ percent: 50, text: "2.00 MB of 4.00 MB sent" });
    // A single PUT refused after its last byte went out: nothing was stored.
    expect(barProgress(task("failed", 4 * MiB, 4 * MiB, 0))).toEqual({ percent: 0, text: "0 B of 4.00 MB sent" });
  });

  it("never shows a failed file full, even when every byte arrived and the check after them failed", () => {
    expect(barProgress(task("failed", 4 * MiB, 4 * MiB, 4 * MiB)).percent).toBe(99);
    expect(barProgress(task("failed", 0, 0, 0))).toEqual({ percent: 0, text: "Empty file, not stored" });
  });
});
