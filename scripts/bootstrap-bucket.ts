/**
 * Idempotent bucket bootstrap: creates S3_BUCKET when missing, sets the CORS rules that browser
 * uploads through presigned URLs need and a lifecycle rule that aborts forgotten multipart uploads,
 * then reads both back to verify them. Safe to run any number of times.
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
  AllowedHeaders: ["content-type", "content-md5", "x-amz-acl"],
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
  await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [lifecycleRule] } }));
  await verify();
  console.log(`bucket ${bucket} on ${env.S3_ENDPOINT}: ${created ? "created" : "exists"}; ` + `CORS for ${origins.join(", ")}; multipart uploads aborted after 7 days`);
}

main().catch((err: Error) => {
  const down = /ECONNREFUSED/.test(String((err as { code?: string }).code ?? err.message));
  console.error(`bootstrap-bucket: ${err.name}: ${err.message}`);
  if (down) console.error(`nothing answers on ${env.S3_ENDPOINT}: start it with scripts/object-store.sh start`);
  process.exit(1);
});
