import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { dropTree } from "./support/drop-files";
import { signInUi, signUpApi } from "./support/session";

// Folders often hold empty files: the 0-byte .gitkeep is uploaded like the others, under its own name.
const FILES = { "a.txt": "top level\n", "sub/b.txt": "second level\n", "sub/c.txt": "also second level\n", "sub/.gitkeep": "" };
const EXPECTED = [
  { folder: "top", name: "a.txt" },
  { folder: "top/sub", name: "b.txt" },
  { folder: "top/sub", name: "c.txt" },
  { folder: "top/sub", name: ".gitkeep" },
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
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  expect(stored.sort(byName)).toEqual(EXPECTED.map(({ folder, name }) => ({ folder, name, status: "COMPLETE" })).sort(byName));
}

test("a folder chosen with the folder picker: 4 files (one empty) in 2 levels, empty folders ignored", async ({ page }) => {
  const root = path.join(mkdtempSync(path.join(tmpdir(), "slipway-folder-")), "top");
  mkdirSync(path.join(root, "sub"), { recursive: true });
  mkdirSync(path.join(root, "empty"));
  for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(root, file), text);
  await page.getByLabel("Choose a folder to upload").setInputFiles(root);
  await expectUploadedWithPaths(page);
});

test("a dropped folder is walked recursively", async ({ page }) => {
  const sub = { "b.txt": FILES["sub/b.txt"], "c.txt": FILES["sub/c.txt"], ".gitkeep": FILES["sub/.gitkeep"] };
  // An empty file of a type this server refuses: it fails, and its bar must not read as done.
  await dropTree(page.getByRole("region", { name: "Upload files" }), { top: { "a.txt": FILES["a.txt"], empty: {}, sub, "refused.zip": ["", "application/zip"] } });
  await expectUploadedWithPaths(page);
  const refused = page.getByRole("listitem").filter({ hasText: "top/refused.zip" });
  await expect(refused.getByTestId("upload-state")).toHaveText("Failed");
  await expect(refused.getByRole("alert")).toContainText("application/zip");
  await expect(refused.getByRole("progressbar")).toHaveJSProperty("value", 0);
  await expect(refused.getByTestId("upload-percent")).toHaveText("Empty file, not stored");
});
