import "../support/use-clamd";
// Then a clamd of this file's own (it changes the database, which the other files scan with).
import { addSignatures, signaturesVersion } from "../support/private-clamd";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Upload } from "@/lib/generated/prisma/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { RESCAN_ALL } from "@/lib/jobs/queues";
import { startWorkers } from "@/lib/jobs/start-workers";
import { checkSignatures } from "@/lib/processing/check-signatures";
import { quarantineKey } from "@/lib/uploads/object-keys";
import { newTrustedUser } from "../support/domain-helpers";
import { processed } from "../support/processing-helpers";
import { finishedUpload, storedEtag } from "../support/review-helpers";
import { cleanBytes } from "../support/scan-samples";

// What the signature added later finds; no file holds it by chance.
const LATER_MARKER = Buffer.from("SLIPWAY-SIGNATURE-ADDED-LATER:5d1c9e04", "latin1");
const LATER_SIGNATURE = `Slipway.Test.AddedLater:0:*:${LATER_MARKER.toString("hex")}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const scannerState = () => db.scannerState.findUniqueOrThrow({ where: { id: 1 } });
const rescanJobs = async () => (await getBoss()).findJobs<{ reason: string }>(RESCAN_ALL);
/** clamd's VERSION answer with the daily database `version` loaded, as production's freshclam gives it. */
const fingerprintOf = (version: number) => expect.stringMatching(new RegExp(`^ClamAV \\d+\\.\\d+\\.\\d+/${version}/`));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    expect(Date.now(), `still waiting for ${what}`).toBeLessThan(deadline);
    await sleep(100);
  }
}

/** Waits until the upload has been processed `attempts` times; returns the row. */
async function processedTimes(id: string, attempts: number): Promise<Upload> {
  await until(
    () => db.upload.findUniqueOrThrow({ where: { id } }),
    (row) => row.processingAttempts >= attempts,
    `attempt ${attempts} of ${id}`,
  );
  return processed(id);
}

let owner: string;
let files: { plain: string; other: string; later: string };

beforeAll(async () => {
  owner = await newTrustedUser("Sig");
  files = {
    plain: await finishedUpload(owner, "plain.bin", "application/octet-stream", cleanBytes(20_000)),
    other: await finishedUpload(owner, "other.txt", "text/plain", cleanBytes(3000)),
    later: await finishedUpload(owner, "later.bin", "application/octet-stream", Buffer.concat([cleanBytes(5000), LATER_MARKER, cleanBytes(5000)])),
  };
});

afterAll(() => stopBoss());

describe("a change of clamd's signature database", () => {
  it("is first only recorded: nothing is scanned again", async () => {
    expect(await db.scannerState.count()).toBe(0);
    const first = await checkSignatures();
    expect(first).toEqual({ fingerprint: fingerprintOf(signaturesVersion()), changed: false });
    expect((await scannerState()).fingerprint).toBe(first?.fingerprint);
    expect(await rescanJobs()).toEqual([]);
  });

  it("scans every file again, and a file that was clean is now infected and quarantined", async () => {
    const { checkedAt } = await scannerState();
    await startWorkers();
    for (const id of Object.values(files)) {
      const row = await processed(id);
      expect([row.processing, row.processingAttempts]).toEqual(["CLEAN", 1]);
    }
    // startWorkers checks the signatures too: that check sees the same database and queues nothing.
    await until(scannerState, (state) => state.checkedAt > checkedAt, "the check at start");
    expect(await rescanJobs()).toEqual([]);
    const before = (await scannerState()).fingerprint;

    const version = addSignatures("added-later.ndb", [LATER_SIGNATURE]);
    const check = await checkSignatures();
    expect(check).toEqual({ fingerprint: fingerprintOf(version), changed: true });
    expect((await rescanJobs()).map((job) => job.data.reason)).toEqual([`clamd's signatures changed from "${before}" to "${check?.fingerprint}"`]);

    const later = await processedTimes(files.later, 2);
    expect([later.processing, later.scanSignature, later.processingAttempts, later.scannedWith]).toEqual(["INFECTED", "Slipway.Test.AddedLater.UNOFFICIAL", 2, check?.fingerprint]);
    expect(later.quarantinedAt).not.toBeNull();
    // The object moves (copy, then delete) after the row is written.
    const placement = async () => ({ original: await storedEtag(later.key), quarantined: await storedEtag(quarantineKey(later.key)) });
    await until(placement, ({ original, quarantined }) => original === null && quarantined !== null, "the object to move under quarantine/");
    expect(await db.auditEvent.count({ where: { action: "processing.infected", target: files.later } })).toBe(1);
    for (const id of [files.plain, files.other]) {
      const row = await processedTimes(id, 2);
      expect([row.processing, row.processingAttempts, row.scannedWith, row.quarantinedAt]).toEqual(["CLEAN", 2, check?.fingerprint, null]);
    }
  });
});
