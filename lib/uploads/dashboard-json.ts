// The JSON of the dashboard's own routes besides the upload JSON (upload-json.ts). Type-only and
// free of server imports, so the browser can name them; the domain functions are typed against them.

/** A folder of the folder listing (GET /api/uploads/folders). */
export interface FolderJson {
  /** The folder's whole path, as upload JSON's `folder` and the list's `folder=` take it. */
  path: string;
  name: string;
  /** Files in it and in every folder below it. */
  files: number;
}

/** GET /api/account/usage. */
export interface UsageJson {
  usedBytes: number;
  quotaBytes: number;
  storedFiles: number;
  openBytes: number;
  received: { files: number; lastAt: string | null; requests: Array<{ requestId: string; label: string; files: number }> };
}

/** One file's outcome in POST /api/uploads/delete. */
export type DeleteResultJson = { id: string; status: "ok" } | { id: string; status: number; code: string };
