/** Slipway's own small WebP of an image (never the uploaded bytes), at a fixed size so rows do not jump while it loads. */
export function Thumbnail({ url, name, size = 40 }: { url: string; name: string; size?: number }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a redirect to a presigned, short-lived URL: next/image cannot optimise it
    <img className="thumb" src={url} alt={`Thumbnail of ${name}`} width={size} height={size} loading="lazy" decoding="async" />
  );
}
