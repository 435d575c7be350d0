import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's native schema engine cannot be downloaded on this offline machine. The bridge
// runs the same engine compiled to WebAssembly; pointing the CLI at it also stops the
// CLI from trying to download the binary. See scripts/prisma-engine-bridge.mjs.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./scripts/prisma-engine-bridge.mjs", import.meta.url));

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Both unset for `prisma generate`, which needs no database. With DATABASE_URL unset,
  // scripts/prisma.mjs serves the embedded PGlite database and fills both in.
  datasource: {
    url: process.env.DATABASE_URL,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
