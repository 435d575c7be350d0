import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has hydrated the drop zone: the page is server-rendered, and a drop before
 * its handlers are attached is lost (a loaded CI run once dropped into a guest page too early).
 */
async function hydrated(target: Locator): Promise<void> {
  await expect.poll(() => target.evaluate((zone) => Object.keys(zone).some((prop) => prop.startsWith("__reactProps")))).toBe(true);
}

export interface FileSpec {
  name: string;
  type: string;
  /** The content; or leave it out and give `size` for a zero-filled file made inside the page. */
  bytes?: Buffer;
  size?: number;
}

/** Drops files on an element the way a real drag does: a DataTransfer carried by a drop event. */
export async function dropFiles(target: Locator, files: FileSpec[]): Promise<void> {
  await hydrated(target);
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

/** A dropped tree: a file's text (text/plain), a file's [text, type], or a folder's own tree. */
export type DropTree = { [name: string]: string | [text: string, type: string] | DropTree };

/**
 * Drops files and folders in one drag. Chromium cannot put a real directory into a synthetic
 * DataTransfer, so the drop carries entries shaped like the FileSystem API's (the part the drop
 * zone reads: webkitGetAsEntry, createReader, readEntries in batches until an empty one).
 */
export async function dropTree(target: Locator, tree: DropTree): Promise<void> {
  await hydrated(target);
  await target.evaluate((zone, tree) => {
    type Node = string | [string, string] | { [name: string]: Node };
    const entry = (name: string, node: Node): object => {
      if (typeof node === "string" || Array.isArray(node)) {
        const [text, type] = typeof node === "string" ? [node, "text/plain"] : node;
        return { isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(new File([text], name, { type })) };
      }
      const children = Object.entries(node).map(([child, value]) => entry(child, value));
      return {
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => {
          let given = false;
          return { readEntries: (ok: (entries: object[]) => void) => ok(given ? [] : ((given = true), children)) };
        },
      };
    };
    const roots = Object.entries(tree).map(([name, node]) => entry(name, node));
    const transfer = { items: roots.map((root) => ({ kind: "file", webkitGetAsEntry: () => root })), files: [] };
    const event = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "dataTransfer", { value: transfer });
    zone.dispatchEvent(event);
  }, tree);
}
