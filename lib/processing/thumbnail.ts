import sharp, { type FormatEnum } from "sharp";

// Every thumbnail is made once from an image never seen again: libvips's operation cache (50 MB by
// default) would only keep memory busy. One libvips thread per image keeps a worker running a few
// jobs (or the app process serving requests beside them) from being swamped by one large image;
// jobs, not threads, give the parallelism. Both settings are process-wide.
sharp.cache(false);
sharp.concurrency(1);

/** A safety net, not a budget: a decode this slow is a hostile image, and libvips stops it. */
const TIMEOUT_SECONDS = 60;

/** Raster formats made into thumbnails, by detected type: never SVG or PDF, which run code-like renderers. */
const FORMATS = new Map<string, keyof FormatEnum>([
  ["image/jpeg", "jpeg"],
  ["image/png", "png"],
  ["image/apng", "png"], // its first frame is a plain PNG image
  ["image/webp", "webp"],
  ["image/gif", "gif"],
  ["image/avif", "heif"],
  ["image/tiff", "tiff"],
]);

/** Whether a detected type gets a thumbnail: one of FORMATS that this build of sharp decodes. */
export function isThumbnailType(detectedType: string | null): boolean {
  const format = detectedType === null ? undefined : FORMATS.get(detectedType);
  return format !== undefined && sharp.format[format].input.buffer;
}

export interface Thumbnail {
  webp: Buffer;
  /** The original image's size, after its EXIF orientation. */
  width: number;
  height: number;
}

export interface ThumbnailSink {
  write(chunk: Uint8Array): Promise<void>;
  end(): Promise<Thumbnail>;
  abort(): void;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function makeThumbnail(input: Buffer, maxPixels: number, maxEdge: number): Promise<Thumbnail> {
  // Animated GIF and WebP: the first frame only (pages: 1).
  const options = { failOn: "error", limitInputPixels: maxPixels, sequentialRead: true, pages: 1 } as const;
  // The header alone, without sharp's limit, so that the refusal below can name the limit.
  const metadata = await sharp(input, { ...options, limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw new Error(`the image could not be read: ${reason(error)}`);
    });
  if (![...FORMATS.values()].includes(metadata.format)) throw new Error(`the bytes are a ${metadata.format} image, which gets no thumbnail`);
  const { width, height } = metadata.autoOrient;
  if (width * height > maxPixels) throw new Error(`the image is ${width} x ${height} pixels, over the limit of ${maxPixels} pixels`);
  const webp = await sharp(input, options)
    .autoOrient()
    .resize(maxEdge, maxEdge, { fit: "inside", withoutEnlargement: true })
    .webp()
    .timeout({ seconds: TIMEOUT_SECONDS })
    .toBuffer()
    .catch((error: unknown) => {
      throw new Error(`the image could not be decoded (truncated or corrupt?): ${reason(error)}`);
    });
  return { webp, width, height };
}

/**
 * A WebP thumbnail (within maxEdge x maxEdge, auto-rotated, without metadata) of an image whose
 * bytes arrive in chunks. sharp decodes only from a whole input (a stream written to it is
 * buffered just the same), so the compressed image is held until end(): the caller bounds it by
 * the file's size. Given that `size`, the bytes go straight into one buffer of that size, with no
 * second copy at the end. The decode itself streams. Writes never wait; after abort() they are dropped.
 */
export function startThumbnail({ maxPixels, maxEdge = 320, size = 0 }: { maxPixels: number; maxEdge?: number; size?: number }): ThumbnailSink {
  let bytes: Buffer | null = Buffer.allocUnsafe(size);
  let received = 0;
  return {
    async write(chunk) {
      if (bytes === null) return;
      if (received + chunk.length > bytes.length) {
        const grown = Buffer.allocUnsafe(Math.max(2 * bytes.length, received + chunk.length));
        bytes.copy(grown, 0, 0, received);
        bytes = grown;
      }
      bytes.set(chunk, received);
      received += chunk.length;
    },
    async end() {
      if (bytes === null) throw new Error("the thumbnail was aborted");
      const input = bytes.subarray(0, received);
      bytes = null;
      return makeThumbnail(input, maxPixels, maxEdge);
    },
    abort() {
      bytes = null;
    },
  };
}
