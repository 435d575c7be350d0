import "server-only";
import path from "node:path";
import { z } from "zod";
import { MAX_TRUSTED_HOPS } from "../server/client-address";
import { MIN_SECRET_LENGTH, readOrCreateSecret } from "./local-auth-secret";

// The only module that reads process.env. Every default works for the local stack
// (embedded PGlite + the project's radosgw), so a fresh checkout runs with no configuration.

const bool = z.stringbool({ truthy: ["true", "1", "yes"], falsy: ["false", "0", "no"], case: "insensitive" });

const bytes = z.coerce.number().int().positive();

/** The longest a presigned URL may live; the sweeper relies on no URL outliving it. */
export const MAX_PRESIGN_TTL_SECONDS = 900;

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SLIPWAY_DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (leave it unset for embedded PGlite)")
    .optional(),
  /** Redis for the rate-limit counters of several instances; unset: they live in the database (PGlite: in memory). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional(),
  APP_URL: z.url().default("http://127.0.0.1:3000"),
  /**
   * Reverse proxies in front of Slipway whose X-Forwarded-For entry is believed; 0: the socket's
   * peer is the client. Applied by server.ts, which reads it itself (it runs outside Next's bundles).
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(MAX_TRUSTED_HOPS).default(0),
  AUTH_SECRET: z.string().min(MIN_SECRET_LENGTH).optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  SIGNUP_ENABLED: bool.default(true),
  /** Sign-ups allowed per client address per hour (the whole server allows 20 times that). */
  SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Password checks for sign-ins from addresses new to the account, per second on the whole server (each costs an argon2 hash). */
  SIGNIN_LIMIT_PER_SECOND: z.coerce.number().int().min(1).default(20),

  S3_ENDPOINT: z.url().default("http://127.0.0.1:7480"),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(3).default("slipway"),
  S3_ACCESS_KEY_ID: z.string().min(1).default("slipway-local-access"),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default("slipway-local-secret-key-0123456789"),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** false: the bucket is managed elsewhere; the bootstrap only checks that it exists (no create, CORS or lifecycle). */
  S3_MANAGE_BUCKET: bool.default(true),
  /** Server-side encryption of every object Slipway writes (docs/api.md "Encryption at rest"). */
  S3_SSE: z.enum(["none", "AES256", "aws:kms"]).default("none"),
  /** The KMS key of S3_SSE=aws:kms: a key id or key ARN (an alias cannot be checked against what HeadObject reports). */
  S3_SSE_KMS_KEY_ID: z.string().min(1).optional(),

  /** Largest file accepted; S3's own limit for one object is 5 TiB. */
  UPLOAD_MAX_BYTES: bytes.max(5 * 1024 ** 4).default(5 * 1024 ** 4),
  /** Files above this go multipart (docs/performance.md says why this default). */
  MULTIPART_THRESHOLD_BYTES: bytes
    .min(5 * 1024 ** 2)
    .max(5 * 1024 ** 3)
    .default(32 * 1024 ** 2),
  /** Preferred part size; grows for files that would otherwise need more than 10,000 parts. */
  MULTIPART_PART_BYTES: bytes
    .min(5 * 1024 ** 2)
    .max(5 * 1024 ** 3)
    .default(16 * 1024 ** 2),
  /** Storage allowance of a new account. */
  DEFAULT_QUOTA_BYTES: bytes.default(50 * 1024 ** 3),
  /** Comma-separated MIME patterns (`image/*`, `application/pdf`, `*` for all). */
  UPLOAD_ALLOWED_TYPES: z.string().default("*"),
  /** Lifetime of a presigned PUT URL in seconds (DESIGN: at most 15 minutes). */
  PRESIGN_TTL_SECONDS: z.coerce.number().int().min(1).max(MAX_PRESIGN_TTL_SECONDS).default(MAX_PRESIGN_TTL_SECONDS),
  /** How often the server expires overdue slots and aborts orphaned multipart uploads; 0 turns it off. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(600),
  /** How long an unfinished slot stays open before the sweeper expires it. */
  SLOT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(6 * 24 * 3600)
    .default(3 * 24 * 3600),

  /** required: finished uploads of users who are not trusted wait for an admin before they can be shared. */
  REVIEW_MODE: z.enum(["required", "off"]).default("required"),
  /** What rejecting a file does to its object: keep it under quarantine/ (it can be approved later) or delete it. */
  REJECT_ACTION: z.enum(["quarantine", "delete"]).default("quarantine"),

  /** clamd to scan finished uploads with (INSTREAM over TCP); unset: files are processed without a scan. */
  CLAMD_HOST: z.string().min(1).optional(),
  CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  /**
   * How long clamd may stay silent before the attempt fails (and is retried). clamd scans only once
   * the whole stream has arrived: measured here, ~27 s of silence for 1 GiB.
   */
  CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).default(300_000),
  /** Largest file sent to clamd: keep it equal to clamd's StreamMaxLength (clamd's own default is 100 MiB). */
  SCAN_MAX_BYTES: bytes.max(4 * 1024 ** 3 - 1).default(100 * 1024 ** 2),
  /** Whether a file whose scan failed every attempt may still be shared (fail-open). */
  SCAN_FAIL_OPEN: bool.default(false),
  /** Attempts of one processing job before the file is marked failed (with backoff in between). */
  PROCESSING_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  /** First wait before an attempt is retried; doubles each time, up to ten minutes. */
  PROCESSING_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(10),
  /** A running job whose worker sends no heartbeat for this long is given up and run again (pg-boss: >= 10). */
  PROCESSING_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).default(30),
  /** Run the job workers inside the app process (`false` when `npm run worker` processes do the work). */
  WORKER_IN_APP: bool.default(true),
  /** Processing jobs one process runs at a time. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Images above this size or pixel count get no thumbnail (their other checks still run). */
  THUMBNAIL_MAX_BYTES: bytes.default(64 * 1024 ** 2),
  THUMBNAIL_MAX_PIXELS: bytes.default(100_000_000),

  /** Share-link requests (page and download) one client address may make per minute. */
  LINK_ACCESS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Requests one share link may receive per minute from everyone together. */
  LINK_ACCESS_PER_LINK_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Guest requests (upload request page data, slots, parts, completions) one client address may make per minute. */
  REQUEST_ACCESS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Guest requests one upload request link may receive per minute from everyone together. */
  REQUEST_ACCESS_PER_REQUEST_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
});

/** Settings that only make sense together: refused at startup, naming what to set. */
const settings = schema.superRefine((config, context) => {
  // A key id without aws:kms would be silently unused; aws:kms without one would leave the key to the bucket.
  if (config.S3_SSE === "aws:kms" && !config.S3_SSE_KMS_KEY_ID) {
    context.addIssue({ code: "custom", path: ["S3_SSE_KMS_KEY_ID"], message: "S3_SSE=aws:kms needs S3_SSE_KMS_KEY_ID: the id or ARN of the KMS key to encrypt with" });
  }
  if (config.S3_SSE !== "aws:kms" && config.S3_SSE_KMS_KEY_ID) {
    const message = `S3_SSE_KMS_KEY_ID applies only to S3_SSE=aws:kms (S3_SSE is ${config.S3_SSE}): set S3_SSE=aws:kms or unset the key id`;
    context.addIssue({ code: "custom", path: ["S3_SSE_KMS_KEY_ID"], message });
  }
});

function loadEnv() {
  // `FOO=` in a shell or an .env file means "not set": the default applies, not a validation error.
  const set = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = settings.safeParse(set);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

const raw = loadEnv();

export const env = {
  ...raw,
  get authSecret(): string {
    // A stable secret for local runs: created once under the data dir when AUTH_SECRET is unset.
    return raw.AUTH_SECRET ?? readOrCreateSecret(path.join(raw.SLIPWAY_DATA_DIR, "auth-secret"));
  },
  pgliteDir: path.join(raw.SLIPWAY_DATA_DIR, "pglite"),
};

// next-auth v4 reads its own base URL from the environment; give it ours.
process.env.NEXTAUTH_URL ||= raw.APP_URL;
