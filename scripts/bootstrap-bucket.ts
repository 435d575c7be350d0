/**
 * Idempotent bucket bootstrap: creates S3_BUCKET when missing, sets the CORS rules that browser
 * uploads through presigned URLs need and a lifecycle rule that aborts forgotten multipart uploads,
 * then reads both back to verify them. Safe to run any number of times.
 *
 *   npx tsx scripts/bootstrap-bucket.ts
 *
 * A script, not app code: it reads process.env directly, with the same defaults as lib/env.ts.
 */
import {
  CreateBucketCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  S3Client,
  type CORSRule,
  type LifecycleRule,
} from "@aws-sdk/client-s3";

const env = process.env;
const bucket = env.S3_BUCKET || "slipway";
const region = env.S3_REGION || "us-east-1";
const endpoint = env.S3_ENDPOINT || `http://127.0.0.1:${env.S3_PORT || "7480"}`;
const appUrl = new URL(env.APP_URL || "http://127.0.0.1:3000");

const s3 = new S3Client({
  endpoint,
  region,
  forcePathStyle: ["true", "1", "yes"].includes(env.S3_FORCE_PATH_STYLE || "true"),
  credentials: {
    accessKeyId: env.S3_ACCESS_KEY_ID || "slipway-local-access",
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || "slipway-local-secret-key-0123456789",
  },
  // radosgw 16 predates the flexible (CRC32) checksums the SDK sends by default: only send them
  // where the S3 API requires a checksum (radosgw then ignores the header) and never demand one back.
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
});

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

const corsRule: CORSRule = {
  AllowedOrigins: allowedOrigins(),
  AllowedMethods: ["GET", "PUT", "HEAD"],
  AllowedHeaders: ["*"], // presigned PUTs carry Content-Type and whatever headers were signed
  ExposeHeaders: ["ETag"], // the client reads the ETag to confirm the upload
  MaxAgeSeconds: 3600,
};

const lifecycleRule: LifecycleRule = {
  ID: "abort-incomplete-multipart",
  Status: "Enabled",
  Filter: { Prefix: "" },
  AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
};

async function ensureBucket(): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return false;
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw err;
  }
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        // us-east-1 is S3's default and must not be named; other regions must be.
        ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
      }),
    );
    return true;
  } catch (err) {
    // Lost a race with another bootstrap: fine.
    if ((err as Error).name === "BucketAlreadyOwnedByYou") return false;
    throw err;
  }
}

const sameSet = (a: string[] = [], b: string[] = []) =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

async function verify(): Promise<void> {
  const problems: string[] = [];

  const cors = await s3.send(new GetBucketCorsCommand({ Bucket: bucket }));
  const got = cors.CORSRules ?? [];
  const rule = got[0];
  if (got.length !== 1 || !rule) problems.push(`expected 1 CORS rule, got ${got.length}`);
  else {
    for (const key of ["AllowedOrigins", "AllowedMethods", "AllowedHeaders", "ExposeHeaders"] as const) {
      if (!sameSet(rule[key], corsRule[key])) problems.push(`CORS ${key}: ${JSON.stringify(rule[key])}`);
    }
    if (rule.MaxAgeSeconds !== corsRule.MaxAgeSeconds) problems.push(`CORS MaxAgeSeconds: ${rule.MaxAgeSeconds}`);
  }

  const lc = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
  const lr = lc.Rules?.find((r) => r.ID === lifecycleRule.ID);
  if (!lr) problems.push(`lifecycle rule ${lifecycleRule.ID} missing: ${JSON.stringify(lc.Rules)}`);
  else if (lr.Status !== "Enabled" || lr.AbortIncompleteMultipartUpload?.DaysAfterInitiation !== 7) {
    problems.push(`lifecycle rule ${lifecycleRule.ID} differs: ${JSON.stringify(lr)}`);
  }

  if (problems.length) throw new Error(`bucket ${bucket} verification failed:\n  ${problems.join("\n  ")}`);
}

async function main() {
  const created = await ensureBucket();
  await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [corsRule] } }));
  await s3.send(
    new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [lifecycleRule] } }),
  );
  await verify();
  console.log(
    `bucket ${bucket} on ${endpoint}: ${created ? "created" : "exists"}; ` +
      `CORS for ${corsRule.AllowedOrigins!.join(", ")}; multipart uploads aborted after 7 days`,
  );
}

main().catch((err: Error) => {
  const down = /ECONNREFUSED/.test(String((err as { code?: string }).code ?? err.message));
  console.error(`bootstrap-bucket: ${err.name}: ${err.message}`);
  if (down) console.error(`nothing answers on ${endpoint}: start it with scripts/object-store.sh start`);
  process.exit(1);
});
