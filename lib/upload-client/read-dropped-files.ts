import type { FileEntry } from "./upload-engine";

export const MAX_FILES_PER_DROP = 1000;

/** Files from a drop, walking into dropped folders; empty folders contribute nothing. */
export async function readDroppedFiles(transfer: DataTransfer, limit = MAX_FILES_PER_DROP): Promise<{ entries: FileEntry[]; truncated: boolean }> {
  const roots = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === "file")
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => !!entry);
  if (!roots.length)
    return capped(
      Array.from(transfer.files).map((file) => ({ file })),
      limit,
    );

  const entries: FileEntry[] = [];
  const visit = async (entry: FileSystemEntry, folder: string): Promise<void> => {
    if (entries.length > limit) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      entries.push({ file, folder: folder || undefined });
      return;
    }
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await visit(child, path);
  };
  for (const root of roots) await visit(root, "");
  return capped(entries, limit);
}

/** Files chosen with a folder picker carry their path in webkitRelativePath ("top/sub/name"). */
export function filesFromPicker(files: FileList | File[], limit = MAX_FILES_PER_DROP): { entries: FileEntry[]; truncated: boolean } {
  const entries = Array.from(files).map((file) => {
    const folder = file.webkitRelativePath?.split("/").slice(0, -1).join("/");
    return { file, folder: folder || undefined };
  });
  return capped(entries, limit);
}

function capped(entries: FileEntry[], limit: number) {
  return { entries: entries.slice(0, limit), truncated: entries.length > limit };
}

// readEntries answers in chunks (about 100 in Chromium): call it until it returns none.
async function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!chunk.length) return all;
    all.push(...chunk);
  }
}
