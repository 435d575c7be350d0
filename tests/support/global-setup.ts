import type { TestProject } from "vitest/node";
import { adminQuery, createPgliteTemplate, createPostgresTemplate, removeDir } from "./database-templates";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}

/** Migrates one template database for this project's kind (PGlite or PostgreSQL). */
export default async function setup(project: TestProject) {
  if (project.name.endsWith("postgres")) {
    const name = await createPostgresTemplate();
    project.provide("databaseTemplate", name);
    return () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const dir = createPgliteTemplate();
  project.provide("databaseTemplate", dir);
  return () => removeDir(dir);
}
