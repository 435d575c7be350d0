import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Modules that hold secrets or server connections. Next's build refuses a client bundle that
// reaches one (they import "server-only"); this test says which import did, without a build.
const SERVER_ONLY = ["lib/env.ts", "lib/db.ts", "lib/auth.ts", "lib/password.ts", "lib/storage/s3.ts"];

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The project files a module imports (relative and "@/" specifiers; packages are not followed). */
function localImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?["']([^"']+)["']/gm)].map((match) => match[1]);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(file), specifier) : null;
    if (base === null) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find(
      (candidate) => existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile(),
    );
    return found ? [path.normalize(found)] : [];
  });
}

/** The first chain of imports from `entry` to a server-only module, or null. */
function pathToServer(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]): string[] | null => {
    if (SERVER_ONLY.includes(file)) return [...trail, file];
    if (seen.has(file)) return null;
    seen.add(file);
    for (const next of localImports(file)) {
      const found = walk(next, [...trail, file]);
      if (found) return found;
    }
    return null;
  };
  return walk(entry, []);
}

const clientEntries = ["app", "components", "lib"]
  .flatMap(sourceFiles)
  .filter((file) => /^["']use client["']/m.test(readFileSync(path.join(root, file), "utf8")) || file.startsWith("lib/upload-client/") || file.startsWith("lib/api-client/"));

describe("server-only modules stay out of the browser", () => {
  it.each(SERVER_ONLY)("%s is marked server-only", (file) => {
    expect(readFileSync(path.join(root, file), "utf8").startsWith('import "server-only";')).toBe(true);
  });

  it("finds the browser's modules", () => {
    expect(clientEntries).toContain("components/uploads/drop-zone.tsx");
    expect(clientEntries).toContain("lib/upload-client/upload-engine.ts");
  });

  it.each(clientEntries)("%s reaches no server-only module", (file) => {
    expect(pathToServer(file)).toBeNull();
  });

  it("would see a client module that reaches one", () => {
    expect(pathToServer("lib/links/find-share-link.ts")).toEqual(expect.arrayContaining(["lib/links/find-share-link.ts", "lib/db.ts"]));
  });
});
