import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { readProcessingStats } from "@/lib/admin/stats/read-processing-stats";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/start-workers";
import { createShareLink } from "@/lib/links/create-share-link";
import { meta, newTrustedUser } from "../support/domain-helpers";
import { processed } from "../support/processing-helpers";
import { finishedUpload } from "../support/review-helpers";
import { cleanBytes } from "../support/scan-samples";

// No clamd configured (vitest leaves CLAMD_HOST empty here): files are still hashed, sniffed and
// thumbnailed, nothing waits for a scan, and both the log and the admin's stats say so.
const logged: string[] = [];

beforeAll(async () => {
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void logged.push(parts.join(" ")));
  await startWorkers();
  log.mockRestore();
});

afterAll(() => stopBoss());

it("says in the log and in the admin stats that files are not scanned", async () => {
  expect(logged.join("\n")).toContain("files are processed WITHOUT a virus scan");
  expect((await readProcessingStats()).scanner).toBe("off");
});

it("processes a file without a scan ('off') and lets it be shared at once", async () => {
  const owner = await newTrustedUser("Tia");
  const bytes = cleanBytes(5000);
  const id = await finishedUpload(owner, "plain.bin", "application/octet-stream", bytes);
  await expect(createShareLink(owner, id, { expiresInSeconds: 3600 }, meta)).resolves.toBeDefined();
  const row = await processed(id);
  expect([row.processing, row.sha256, row.scannedWith]).toEqual(["OFF", createHash("sha256").update(bytes).digest("hex"), null]);
});
