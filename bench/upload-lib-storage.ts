import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { bucket, s3 } from "../lib/storage/s3";
import { config } from "./config";
import { withCpu, type CpuShare } from "./processes";

/**
 * Baseline 1: the AWS SDK's own multipart uploader, from Node, to the same radosgw with the
 * same part size and parallelism as the browser engine. It uses the app's S3 client, so it
 * signs and sends exactly as the app would (no CRC32 checksums: WHEN_REQUIRED).
 */
export async function uploadWithLibStorage(body: Buffer, concurrency: number): Promise<{ seconds: number; cpu: CpuShare }> {
  const key = `bench/lib-storage/${Date.now()}.bin`;
  try {
    const { result: seconds, cpu } = await withCpu(async () => {
      const started = performance.now();
      await new Upload({
        client: s3,
        params: { Bucket: bucket, Key: key, Body: body, ContentType: "application/octet-stream" },
        queueSize: concurrency,
        partSize: config.partBytes,
        leavePartsOnError: false,
      }).done();
      return (performance.now() - started) / 1000;
    });
    return { seconds, cpu };
  } finally {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
}
