/**
 * Idempotent bucket bootstrap: creates S3_BUCKET when missing, sets the CORS rules that browser
 * uploads through presigned URLs need and a lifecycle rule that aborts forgotten multipart uploads,
 * then reads both back to verify them. Safe to run any number of times.
 *
 * A store without a bucket CORS or lifecycle API (OpenStack Swift answers NotImplemented) gets a
 * warning naming what the operator must configure by hand, and Slipway starts anyway: uploads
 * work there once CORS is configured in the store itself. With S3_MANAGE_BUCKET=false nothing is
 * changed; the bucket is only checked to exist and answer.
 *
 *   npx tsx scripts/bootstrap-bucket.ts
 *
 * Configuration (S3_*, APP_URL) and the S3 client are the app's own, from lib/env and lib/storage/s3.
 */
import {
  CreateBucketCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  type CORSRule,
  type LifecycleRule,
} from "@aws-sdk/client-s3";
import { env } from "../lib/env";
import { bucket, s3 } from "../lib/storage/s3";

const appUrl = new URL(env.APP_URL);

// The browser's Origin is the app's; 127.0.0.1 and localhost are different origins to a browser,
// so a loopback app URL allows both spellings on the same port.
function allowedOrigins(): string[] {
  const origins = new Set([appUrl.origin]);
  if (["127.0.0.1", "localhost"].includes(appUrl.hostname)) {
    const port = appUrl.port ? `:${appUrl.port}` : "";
    origins.add(`${appUrl.protocol}//127.0.0.1${port}`);
    origins.add(`${appUrl.protocol}//localhost${port}`);
  }
  return [...origins];
}

const origins = allowedOrigins();

const corsRule: CORSRule = {
  AllowedOrigins: origins,
  AllowedMethods: ["GET", "PUT", "HEAD"],
  // Exactly what presigned PUTs send (lib/storage/s3.ts presignPut); S3 compares them case-insensitively.
  // The encryption headers are allowed whatever S3_SSE says, so changing it needs no new bucket rule:
  // allowing a header grants nothing, the signature decides what a PUT must carry.
  AllowedHeaders: ["content-type", "content-md5", "x-amz-acl", "x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id"],
  ExposeHeaders: ["ETag"], // the client reads the ETag to confirm the upload
  MaxAgeSeconds: 3600,
};

const lifecycleRule: LifecycleRule = {
  ID: "abort-incomplete-multipart",
  Status: "Enabled",
  Filter: { Prefix: "" },
  AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
};

const statusOf = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * The store has no such API, as opposed to a request that failed. Swift answers ?cors with 501
 * NotImplemented, but takes ?lifecycle for a bucket creation whose body it refuses as MalformedXML:
 * a rule that AWS and radosgw accept as it is.
 */
const unsupported = (err: unknown) => statusOf(err) === 501 || ["NotImplemented", "NotSupported", "MethodNotAllowed", "MalformedXML"].includes((err as Error).name);

/** What the operator must set up by hand when the store cannot take the rule (README: "Other S3 stores"). */
const BY_HAND = {
  cors:
    `configure CORS in the store itself, or browsers cannot upload: origins ${origins.join(", ")}; ` +
    `methods ${corsRule.AllowedMethods?.join(", ")}; request headers ${corsRule.AllowedHeaders?.join(", ")}; ` +
    `expose the ETag header (for OpenStack Swift: the proxy's cors_allow_origin and s3api's cors_preflight_allow_origin)`,
  lifecycle:
    `without the rule that aborts incomplete multipart uploads after 7 days, Slipway's sweeper is the only ` +
    `cleanup of abandoned parts: keep SWEEP_INTERVAL_SECONDS above 0 (or add such a rule in the store)`,
};

async function bucketExists(): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (err) {
    if (statusOf(err) === 404) return false;
    if (statusOf(err) === 403) throw new Error(`access to bucket ${bucket} denied: check S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY and the key's permissions`);
    throw err;
  }
}

async function ensureBucket(): Promise<boolean> {
  if (await bucketExists()) return false;
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        // us-east-1 is S3's default and must not be named; other regions must be.
        ...(env.S3_REGION === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: env.S3_REGION as never } }),
      }),
    );
    return true;
  } catch (err) {
    // Lost a race with another bootstrap: fine.
    if ((err as Error).name === "BucketAlreadyOwnedByYou") return false;
    throw err;
  }
}

const sameSet = (a: string[] = [], b: string[] = []) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

async function applyCors(): Promise<string[]> {
  await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [corsRule] } }));
  const got = (await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules ?? [];
  const rule = got[0];
  if (got.length !== 1 || !rule) return [`expected 1 CORS rule, got ${got.length}`];
  const problems: string[] = [];
  for (const key of ["AllowedOrigins", "AllowedMethods", "AllowedHeaders", "ExposeHeaders"] as const) {
    if (!sameSet(rule[key], corsRule[key])) problems.push(`CORS ${key}: ${JSON.stringify(rule[key])}`);
  }
  if (rule.MaxAgeSeconds !== corsRule.MaxAgeSeconds) problems.push(`CORS MaxAgeSeconds: ${rule.MaxAgeSeconds}`);
  return problems;
}

async function applyLifecycle(): Promise<string[]> {
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [lifecycleRule] } }));
  const lc = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
  const lr = lc.Rules?.find((r) => r.ID === lifecycleRule.ID);
  if (!lr) return [`lifecycle rule ${lifecycleRule.ID} missing: ${JSON.stringify(lc.Rules)}`];
  if (lr.Status !== "Enabled" || lr.AbortIncompleteMultipartUpload?.DaysAfterInitiation !== 7) return [`lifecycle rule ${lifecycleRule.ID} differs: ${JSON.stringify(lr)}`];
  return [];
}

// App instances starting together bootstrap the same new bucket at once, and radosgw then sometimes
// answers the read right after a write with NoSuchLifecycleConfiguration (3 of 60 reads with three
// bootstraps at once on new buckets, measured; one instance failed to start in CI that way).
const MISSING = new Set(["NoSuchLifecycleConfiguration", "NoSuchCORSConfiguration"]);
const ATTEMPTS = 5;

/**
 * Applies and verifies one rule; a rule found missing or different is written and read again a
 * few times before it counts. A store without the rule's API gets a warning instead of a failure.
 */
async function apply(what: keyof typeof BY_HAND, run: () => Promise<string[]>): Promise<{ problems: string[]; done: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const problems = await run();
      if (!problems.length || attempt === ATTEMPTS) return { problems, done: true };
    } catch (err) {
      if (unsupported(err)) {
        console.warn(`bootstrap-bucket: WARNING: ${env.S3_ENDPOINT} has no bucket ${what} API (${(err as Error).name}): ${BY_HAND[what]}.`);
        return { problems: [], done: false };
      }
      if (!MISSING.has((err as Error).name) || attempt === ATTEMPTS) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

async function main() {
  if (!env.S3_MANAGE_BUCKET) {
    if (!(await bucketExists())) throw new Error(`bucket ${bucket} does not exist on ${env.S3_ENDPOINT}; with S3_MANAGE_BUCKET=false Slipway does not create it`);
    console.log(`bucket ${bucket} on ${env.S3_ENDPOINT}: exists; S3_MANAGE_BUCKET=false, so its CORS and lifecycle are left as they are`);
    return;
  }
  const created = await ensureBucket();
  const cors = await apply("cors", applyCors);
  const lifecycle = await apply("lifecycle", applyLifecycle);
  const problems = [...cors.problems, ...lifecycle.problems];
  if (problems.length) throw new Error(`bucket ${bucket} verification failed:\n  ${problems.join("\n  ")}`);
  console.log(
    `bucket ${bucket} on ${env.S3_ENDPOINT}: ${created ? "created" : "exists"}; ` +
      `${cors.done ? `CORS for ${origins.join(", ")}` : "CORS to configure by hand"}; ` +
      `${lifecycle.done ? "multipart uploads aborted after 7 days" : "no lifecycle rule (the sweeper cleans up)"}`,
  );
}

main().catch((err: Error) => {
  const down = /ECONNREFUSED/.test(String((err as { code?: string }).code ?? err.message));
  console.error(`bootstrap-bucket: ${err.name}: ${err.message}`);
  if (down) console.error(`nothing answers on ${env.S3_ENDPOINT}: start it with scripts/object-store.sh start`);
  process.exit(1);
});
