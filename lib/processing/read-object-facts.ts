import { createHash } from "node:crypto";
import { type ClamdScan, openClamdScan, type ScanResult } from "./clamd-client";
import { SNIFF_BYTES, sniffType, typeMismatch } from "./sniff-type";
import { isThumbnailType, startThumbnail, type ThumbnailSink } from "./thumbnail";

export interface ObjectToRead {
  chunks: AsyncIterable<Uint8Array>;
  size: number;
  name: string;
  declaredType: string;
}

export interface ReadOptions {
  clamd: { host: string; port: number; timeoutMs: number } | null;
  maxScanBytes: number;
  thumbnail: { maxBytes: number; maxPixels: number; maxEdge: number };
}

export type Thumbnail = { webp: Buffer; width: number; height: number } | { error: string };

export interface ObjectFacts {
  sha256: string;
  detectedType: string | null;
  typeMismatch: boolean;
  /** null: scanning is off. */
  scan: ScanResult | null;
  thumbnail: Thumbnail | null;
}

/** Where the bytes go once the head has been sniffed: the scan and, for images, the thumbnail. */
interface Sinks {
  scan: ClamdScan | null;
  thumbnail: ThumbnailSink | null;
}

const feed = (sinks: Sinks, chunk: Uint8Array) => Promise.all([sinks.scan?.write(chunk), sinks.thumbnail?.write(chunk)]);

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function finishThumbnail(sink: ThumbnailSink | null): Promise<Thumbnail | null> {
  if (!sink) return null;
  try {
    return await sink.end();
  } catch (error) {
    // A corrupt or hostile image costs its thumbnail, never the rest of the job.
    return { error: `No thumbnail: ${message(error)}` };
  }
}

/**
 * The one streaming pass over a finished object: every chunk goes to SHA-256, to clamd and (for
 * an image within the limits) to the thumbnail, each at the pace of the slowest, so memory stays
 * at a few chunks whatever the size. The head is held back until it has been sniffed, because
 * the sniffed type decides whether there is a thumbnail. Throws when the object ends short of its
 * size or clamd fails (the job is retried); a thumbnail failure is only reported.
 */
export async function readObjectFacts(object: ObjectToRead, options: ReadOptions): Promise<ObjectFacts> {
  const hash = createHash("sha256");
  const scanned = options.clamd !== null && object.size <= options.maxScanBytes;
  const sinks: Sinks = { scan: scanned && options.clamd ? await openClamdScan(options.clamd) : null, thumbnail: null };
  let head: Uint8Array[] | null = [];
  let headBytes = 0;
  let total = 0;
  let detectedType: string | null = null;

  const release = async () => {
    const bytes = Buffer.concat(head ?? []);
    head = null;
    detectedType = await sniffType(bytes.subarray(0, SNIFF_BYTES));
    if (isThumbnailType(detectedType) && object.size <= options.thumbnail.maxBytes) {
      sinks.thumbnail = startThumbnail({ maxPixels: options.thumbnail.maxPixels, maxEdge: options.thumbnail.maxEdge, size: object.size });
    }
    if (bytes.length) await feed(sinks, bytes);
  };

  try {
    for await (const chunk of object.chunks) {
      hash.update(chunk);
      total += chunk.length;
      if (head) {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) await release();
      } else {
        await feed(sinks, chunk);
      }
    }
    if (head) await release();
    if (total !== object.size) throw new Error(`the stored object ended after ${total} of its ${object.size} bytes`);
    const scan = sinks.scan
      ? await sinks.scan.finish()
      : options.clamd
        ? { verdict: "too_large_to_scan" as const, reason: `larger than the scan limit of ${options.maxScanBytes} bytes` }
        : null;
    return {
      sha256: hash.digest("hex"),
      detectedType,
      typeMismatch: typeMismatch({ declaredType: object.declaredType, name: object.name, detectedType }),
      scan,
      thumbnail: await finishThumbnail(sinks.thumbnail),
    };
  } catch (error) {
    sinks.scan?.abort();
    sinks.thumbnail?.abort();
    throw error;
  }
}
