import type { Locator } from "@playwright/test";

export interface FileSpec {
  name: string;
  type: string;
  /** The content; or leave it out and give `size` for a zero-filled file made inside the page. */
  bytes?: Buffer;
  size?: number;
}

/** Drops files on an element the way a real drag does: a DataTransfer carried by a drop event. */
export async function dropFiles(target: Locator, files: FileSpec[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes?.toString("base64"), size: f.size ?? 0 }));
  const dataTransfer = await target.page().evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) {
      // Zero-filled files are composed of one shared 1 MiB Blob, so even GiBs cost no memory.
      const zeroMiB = new Blob([new Uint8Array(1024 * 1024)]);
      const parts: BlobPart[] = spec.base64
        ? [Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0))]
        : [...Array<Blob>(Math.floor(spec.size / 1024 ** 2)).fill(zeroMiB), new Uint8Array(spec.size % 1024 ** 2)];
      transfer.items.add(new File(parts, spec.name, { type: spec.type }));
    }
    return transfer;
  }, payload);
  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}
