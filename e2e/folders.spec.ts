import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInUi, signUpApi } from "./support/session";

const FILES = { "a.txt": "top level\n", "sub/b.txt": "second level\n", "sub/c.txt": "also second level\n" };
const EXPECTED = [
  { folder: "top", name: "a.txt" },
  { folder: "top/sub", name: "b.txt" },
  { folder: "top/sub", name: "c.txt" },
];

test.beforeEach(async ({ page }) => {
  await signInUi(page, await signUpApi(page.request));
});

async function expectUploadedWithPaths(page: Page) {
  for (const { folder, name } of EXPECTED) {
    await expect(
      page
        .getByRole("listitem")
        .filter({ hasText: `${folder}/${name}` })
        .getByTestId("upload-state"),
    ).toHaveText("Uploaded");
  }
  const { items } = await (await page.request.get("/api/uploads")).json();
  const stored = items.map((item: { folder: string; name: string; status: string }) => ({ folder: item.folder, name: item.name, status: item.status }));
  expect(stored.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(EXPECTED.map((file) => ({ ...file, status: "COMPLETE" })));
}

test("a folder chosen with the folder picker: 3 files in 2 levels, empty folders ignored", async ({ page }) => {
  const root = path.join(mkdtempSync(path.join(tmpdir(), "slipway-folder-")), "top");
  mkdirSync(path.join(root, "sub"), { recursive: true });
  mkdirSync(path.join(root, "empty"));
  for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(root, file), text);
  await page.getByLabel("Choose a folder to upload").setInputFiles(root);
  await expectUploadedWithPaths(page);
});

test("a dropped folder is walked recursively", async ({ page }) => {
  // Chromium cannot put a real directory into a synthetic DataTransfer, so the drop carries
  // entries shaped like the FileSystem API's (the part the drop zone reads).
  await page.getByRole("region", { name: "Upload files" }).evaluate((zone, files) => {
    const file = (name: string, text: string) => ({ isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(new File([text], name, { type: "text/plain" })) });
    const dir = (name: string, children: object[]) => ({
      isFile: false,
      isDirectory: true,
      name,
      createReader: () => {
        let given = false;
        return { readEntries: (ok: (entries: object[]) => void) => ok(given ? [] : ((given = true), children)) };
      },
    });
    const top = dir("top", [file("a.txt", files["a.txt"]), dir("empty", []), dir("sub", [file("b.txt", files["sub/b.txt"]), file("c.txt", files["sub/c.txt"])])]);
    const transfer = { items: [{ kind: "file", webkitGetAsEntry: () => top }], files: [] };
    const event = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "dataTransfer", { value: transfer });
    zone.dispatchEvent(event);
  }, FILES);
  await expectUploadedWithPaths(page);
});
