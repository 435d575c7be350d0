import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ProcessingState, ReviewState, UploadStatus } from "@/lib/generated/prisma/enums";
import { countDownload } from "@/lib/links/count-download";
import { linkUsability, type LinkStatus, type LinkUsability } from "@/lib/links/link-status";
import { newShareToken } from "@/lib/links/share-token";
import type { ScanPolicy } from "@/lib/uploads/upload-status";
import { meta, newUser } from "../support/domain-helpers";

const SCAN_OFF: ScanPolicy = { scanning: false, failOpen: false };

// "May this link be used?" is answered twice: in TypeScript (linkUsability: the public page, and
// saying why a link was refused) and in SQL (countDownload's WHERE, which counts in the same
// statement). Every row below is a fresh link on a fresh upload, judged by both.

const SECOND = 1000;
const HOUR = 3600 * SECOND;

interface LinkCase {
  name: string;
  /** Milliseconds from now; negative: in the past. */
  expiresIn: number;
  revoked?: boolean;
  maxDownloads?: number;
  downloadCount?: number;
  password?: boolean;
  passwordChecked?: boolean;
  /** linkUsability's verdict when the file is available. */
  status: LinkStatus;
}

const linkCases: LinkCase[] = [
  { name: "plain link, an hour left", expiresIn: HOUR, status: "active" },
  { name: "revoked", expiresIn: HOUR, revoked: true, status: "revoked" },
  { name: "expired 1 s ago", expiresIn: -SECOND, status: "expired" },
  { name: "expires in 1 s", expiresIn: SECOND, status: "active" },
  { name: "used up (count == max)", expiresIn: HOUR, maxDownloads: 3, downloadCount: 3, status: "used_up" },
  { name: "one download left (count < max)", expiresIn: HOUR, maxDownloads: 3, downloadCount: 2, status: "active" },
  { name: "past its limit (count > max)", expiresIn: HOUR, maxDownloads: 1, downloadCount: 2, status: "used_up" },
  { name: "no limit, many downloads", expiresIn: HOUR, downloadCount: 1000, status: "active" },
  { name: "password not checked", expiresIn: HOUR, password: true, status: "active" },
  { name: "password checked", expiresIn: HOUR, password: true, passwordChecked: true, status: "active" },
  { name: "no password, checked anyway", expiresIn: HOUR, passwordChecked: true, status: "active" },
  { name: "revoked, expired and used up", expiresIn: -SECOND, revoked: true, maxDownloads: 1, downloadCount: 1, status: "revoked" },
  { name: "expired and used up, password checked", expiresIn: -SECOND, maxDownloads: 1, downloadCount: 1, password: true, passwordChecked: true, status: "expired" },
];

const uploadCases: { status: UploadStatus; review: ReviewState; available: boolean; ownerDisabled?: boolean }[] = [
  { status: "COMPLETE", review: "NONE", available: true },
  { status: "COMPLETE", review: "PENDING", available: false },
  { status: "COMPLETE", review: "APPROVED", available: true },
  { status: "COMPLETE", review: "REJECTED", available: false },
  { status: "PENDING", review: "NONE", available: false },
  { status: "UPLOADING", review: "NONE", available: false },
  { status: "FAILED", review: "NONE", available: false },
  { status: "EXPIRED", review: "NONE", available: false },
  { status: "ABORTED", review: "NONE", available: false },
  { status: "DELETED", review: "NONE", available: false },
  { status: "DELETED", review: "APPROVED", available: false },
  { status: "PENDING", review: "REJECTED", available: false },
  // An admin disabled the sharer: the link is suspended (a gone file still says so first).
  { status: "COMPLETE", review: "APPROVED", available: true, ownerDisabled: true },
  { status: "COMPLETE", review: "NONE", available: true, ownerDisabled: true },
  { status: "COMPLETE", review: "REJECTED", available: false, ownerDisabled: true },
];

const rows = uploadCases.flatMap((upload) =>
  linkCases.map((link) => ({
    name: `${link.name}; upload ${upload.status}, review ${upload.review}${upload.ownerDisabled ? ", owner disabled" : ""}`,
    link,
    upload,
    expected: (upload.available ? (upload.ownerDisabled ? "suspended" : link.status) : "file_gone") as LinkUsability,
  })),
);

let owner: string;
let disabledOwner: string;

beforeAll(async () => {
  owner = await newUser("Owner");
  disabledOwner = await newUser("Disabled owner");
  await db.user.update({ where: { id: disabledOwner }, data: { disabledAt: new Date() } });
});

/**
 * The upload and link rows of one case, written straight to the database; returns the link with
 * its upload, as linkUsability reads it. The link's times are set last, so that "1 s" stays
 * close to a second when both rules judge it.
 */
async function createFixture(link: LinkCase, upload: (typeof uploadCases)[number] & { processing?: ProcessingState | null; scanSignature?: string }) {
  const id = randomUUID();
  const ownerId = upload.ownerDisabled ? disabledOwner : owner;
  await db.upload.create({
    data: {
      id,
      ownerId,
      key: `u/${ownerId}/${id}/file.txt`,
      originalName: "file.txt",
      contentType: "text/plain",
      size: 10n,
      strategy: "SINGLE",
      status: upload.status,
      review: upload.review,
      processing: upload.processing ?? null,
      scanSignature: upload.scanSignature ?? null,
      expiresAt: new Date(Date.now() + HOUR),
    },
  });
  const now = Date.now();
  return db.shareLink.create({
    data: {
      uploadId: id,
      creatorId: ownerId,
      tokenHash: newShareToken().tokenHash,
      expiresAt: new Date(now + link.expiresIn),
      maxDownloads: link.maxDownloads ?? null,
      downloadCount: link.downloadCount ?? 0,
      passwordHash: link.password ? "not checked by this test" : null,
      revokedAt: link.revoked ? new Date(now - SECOND) : null,
    },
    include: { upload: true, creator: { select: { disabledAt: true } } },
  });
}

it.each(rows)("$name", async ({ link, upload, expected }) => {
  const before = await createFixture(link, upload);

  // Judged before counting: the SQL changes the count it judges.
  const verdict = linkUsability(before, SCAN_OFF);
  expect(verdict).toBe(expected);
  // The password is the caller's check, outside linkUsability: countDownload takes its outcome.
  const usable = verdict === "active" && (before.passwordHash === null || link.passwordChecked === true);

  const file = await countDownload(before.tokenHash, link.passwordChecked ?? false, meta, SCAN_OFF);
  expect(file !== null, "countDownload agrees with linkUsability").toBe(usable);
  if (file) expect(file).toEqual({ key: before.upload.key, originalName: "file.txt", contentType: "text/plain" });

  const after = await db.shareLink.findUniqueOrThrow({ where: { id: before.id } });
  expect(after.downloadCount).toBe(before.downloadCount + (usable ? 1 : 0));
  expect(await db.auditEvent.count({ where: { action: "link.download", target: before.id } })).toBe(usable ? 1 : 0);
});

// The processing part of the rule, under each scan policy, on a plain approved link: what the
// TypeScript says (written out by hand here) and what the SQL counts must agree.
const SCAN_ON: ScanPolicy = { scanning: true, failOpen: false };
const FAIL_OPEN: ScanPolicy = { scanning: true, failOpen: true };
const processingCases: Array<[ProcessingState | null, LinkUsability, LinkUsability, LinkUsability]> = [
  // state, scanning off, scanning on, scanning on + fail-open
  [null, "active", "processing", "processing"],
  ["QUEUED", "active", "processing", "processing"],
  ["RUNNING", "active", "processing", "processing"],
  ["OFF", "active", "processing", "processing"],
  ["CLEAN", "active", "active", "active"],
  ["TOO_LARGE_TO_SCAN", "active", "active", "active"],
  ["FAILED", "active", "scan_failed", "active"],
  ["INFECTED", "file_gone", "file_gone", "file_gone"],
];
const processingRows = processingCases.flatMap(([processing, off, on, failOpen]) =>
  (
    [
      ["scanning off", SCAN_OFF, off],
      ["scanning on", SCAN_ON, on],
      ["fail-open", FAIL_OPEN, failOpen],
    ] as const
  ).map(([policyName, policy, expected]) => ({ name: `processing ${processing ?? "not yet"}, ${policyName}`, processing, policy, expected })),
);

it.each(processingRows)("$name", async ({ processing, policy, expected }) => {
  const before = await createFixture(linkCases[0], { status: "COMPLETE", review: "APPROVED", available: true, processing });
  expect(linkUsability(before, policy)).toBe(expected);
  const file = await countDownload(before.tokenHash, false, meta, policy);
  expect(file !== null, "countDownload agrees with linkUsability").toBe(expected === "active");
});

// A file found infected stays infected while a re-scan is queued or running: the signature on
// record blocks it until a finished scan clears it.
it.each([SCAN_OFF, SCAN_ON, FAIL_OPEN])("a re-scan of an infected file keeps its links shut (%o)", async (policy) => {
  for (const processing of ["QUEUED", "RUNNING"] as const) {
    const before = await createFixture(linkCases[0], { status: "COMPLETE", review: "APPROVED", available: true, processing, scanSignature: "Eicar-Test" });
    expect(linkUsability(before, policy)).toBe("file_gone");
    expect(await countDownload(before.tokenHash, false, meta, policy)).toBeNull();
  }
});
