import { S3ServiceException } from "@aws-sdk/client-s3";
import { HttpError } from "../errors";

/** The S3 error code of a failed call (NoSuchUpload, NotFound, …), if S3 answered at all. */
function s3ErrorCode(error: unknown): string | undefined {
  return error instanceof S3ServiceException ? error.name : undefined;
}

/**
 * Runs an S3 call; the error codes listed in `expected` are passed to `onExpected`, anything
 * else means storage is unreachable or broken for us: 503, logged, never a 500.
 */
export async function storageCall<T>(call: () => Promise<T>, expected: Record<string, () => T> = {}): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = s3ErrorCode(error);
    if (code && expected[code]) return expected[code]();
    console.error("Object storage call failed", error);
    throw new HttpError({ code: "storage_unavailable", message: "File storage is not reachable right now. Try again in a moment." });
  }
}
