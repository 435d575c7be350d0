import { describe, expect, it } from "vitest";
import { filesFromPicker, readDroppedFiles } from "@/lib/upload-client/read-dropped-files";

// Shaped like the FileSystem API entries a browser drop carries; readEntries answers in chunks.
const file = (name: string) => ({ isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(new File(["x"], name)) });
const dir = (name: string, children: object[], chunk = 2) => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader: () => {
    let offset = 0;
    return { readEntries: (ok: (entries: object[]) => void) => ok(children.slice(offset, (offset += chunk))) };
  },
});
const drop = (...roots: object[]) => ({ items: roots.map((root) => ({ kind: "file", webkitGetAsEntry: () => root })), files: [] }) as unknown as DataTransfer;

describe("readDroppedFiles", () => {
  it("walks folders recursively, keeps relative folders, ignores empty folders", async () => {
    const tree = dir("top", [file("a.txt"), dir("empty", []), dir("sub", [file("b.txt"), file("c.txt"), file("d.txt")])]);
    const { entries, truncated } = await readDroppedFiles(drop(tree, file("loose.txt")));
    expect(entries.map((entry) => [entry.folder, entry.file.name])).toEqual([
      ["top", "a.txt"],
      ["top/sub", "b.txt"],
      ["top/sub", "c.txt"],
      ["top/sub", "d.txt"],
      [undefined, "loose.txt"],
    ]);
    expect(truncated).toBe(false);
  });

  it("caps how many files one drop adds, and says so", async () => {
    const many = dir(
      "many",
      Array.from({ length: 30 }, (_, i) => file(`f${i}.txt`)),
      7,
    );
    const { entries, truncated } = await readDroppedFiles(drop(many), 25);
    expect(entries).toHaveLength(25);
    expect(truncated).toBe(true);
  });

  it("falls back to the plain file list when entries are unavailable", async () => {
    const plain = { items: [], files: [new File(["x"], "plain.txt")] } as unknown as DataTransfer;
    expect((await readDroppedFiles(plain)).entries.map((entry) => entry.file.name)).toEqual(["plain.txt"]);
  });
});

describe("filesFromPicker", () => {
  it("takes the folder from webkitRelativePath", () => {
    const picked = Object.assign(new File(["x"], "b.txt"), { webkitRelativePath: "top/sub/b.txt" });
    expect(filesFromPicker([picked, new File(["y"], "c.txt")]).entries.map((entry) => entry.folder)).toEqual(["top/sub", undefined]);
  });
});
