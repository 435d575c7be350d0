import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The only module that reads process.env. Every default works for the local stack
// (embedded PGlite + the project's radosgw), so a fresh checkout runs with no configuration.

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const bytes = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SLIPWAY_DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL (leave it unset for embedded PGlite)")
    .optional(),
  APP_URL: z.url().default("http://127.0.0.1:3000"),
  AUTH_SECRET: z.string().min(32).optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  SIGNUP_ENABLED: bool.default(true),

  S3_ENDPOINT: z.url().default("http://127.0.0.1:7480"),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(3).default("slipway"),
  S3_ACCESS_KEY_ID: z.string().min(1).default("slipway-local-access"),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default("slipway-local-secret-key-0123456789"),
  S3_FORCE_PATH_STYLE: bool.default(true),

  /** Largest file accepted. A single presigned PUT tops out at 5 GiB on S3. */
  UPLOAD_MAX_BYTES: bytes.default(5 * 1024 ** 3),
  /** Storage allowance of a new account. */
  DEFAULT_QUOTA_BYTES: bytes.default(50 * 1024 ** 3),
  /** Comma-separated MIME patterns (`image/*`, `application/pdf`, `*` for all). */
  UPLOAD_ALLOWED_TYPES: z.string().default("*"),
  /** Lifetime of a presigned PUT URL in seconds (DESIGN: at most 15 minutes). */
  PRESIGN_TTL_SECONDS: z.coerce.number().int().min(1).max(900).default(900),
  /** How long an unfinished slot stays open before the sweeper expires it. */
  SLOT_TTL_SECONDS: z.coerce.number().int().min(60).default(24 * 3600),
});

function loadEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

const raw = loadEnv();

/** A stable secret for local runs: created once under the data dir when AUTH_SECRET is unset. */
function localAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export const env = {
  ...raw,
  get authSecret(): string {
    return raw.AUTH_SECRET ?? localAuthSecret(raw.SLIPWAY_DATA_DIR);
  },
  pgliteDir: path.join(raw.SLIPWAY_DATA_DIR, "pglite"),
};

// next-auth v4 reads its own base URL from the environment; give it ours.
process.env.NEXTAUTH_URL ??= raw.APP_URL;
// Slipway runs on Node 20 here by design; the SDK's notice about future Node 22 releases is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
